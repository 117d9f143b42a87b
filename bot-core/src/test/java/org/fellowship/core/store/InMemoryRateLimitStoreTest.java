package org.fellowship.core.store;

import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.testkit.InMemoryRateLimitStore;
import org.fellowship.core.testkit.contract.RateLimitStoreContract;

class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
    @Override
    protected RateLimitStore newStore() {
        return new InMemoryRateLimitStore();
    }
}
