package org.fellowship.redis;

import java.time.Duration;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.RateLimitStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

class RedisRateLimitStoreIT extends RateLimitStoreContract {
    /** Nothing here depends on time passing: a fixed clock for the stores' expiries. */
    private static final MutableClock CLOCK = MutableClock.at("2026-03-08T09:00:00Z");
    private RedisStore store;

    @Override
    protected RateLimitStore newStore() {
        store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(1), CLOCK);
        return store.rateLimits();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
