package org.fellowship.redis;

import java.time.Duration;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.testkit.contract.ButtonTokenStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

class RedisButtonTokenStoreIT extends ButtonTokenStoreContract {
    private RedisStore store;

    @Override
    protected ButtonTokenStore newStore() {
        store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2));
        return store.buttons();
    }

    @Override
    protected void elapse(Duration duration) {
        Sleep.wallClock(duration); // Redis TTLs run on the server's wall clock
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
