package org.fellowship.redis;

import java.time.Duration;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.ButtonTokenStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

class RedisButtonTokenStoreIT extends ButtonTokenStoreContract {
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private RedisStore store;

    @Override
    protected ButtonTokenStore newStore() {
        store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2), clock);
        return store.buttons();
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration); // the store expires tokens on its clock, not on the server's
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
