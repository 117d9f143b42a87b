package org.fellowship.redis;

import java.time.Duration;
import org.fellowship.core.store.RateLimitStore;
import org.fellowship.core.testkit.contract.RateLimitStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

class RedisRateLimitStoreIT extends RateLimitStoreContract {
    private RedisStore store;

    @Override
    protected RateLimitStore newStore() {
        store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(1));
        return store.rateLimits();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
