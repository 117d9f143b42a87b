package org.fellowship.core.checkin;

import org.fellowship.core.testkit.InMemoryCheckinStore;
import org.fellowship.core.testkit.contract.CheckinStoreContract;

class InMemoryCheckinStoreTest extends CheckinStoreContract {
    @Override
    protected CheckinStore newStore() {
        return new InMemoryCheckinStore();
    }
}
