package org.fellowship.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.testkit.contract.MentorChainRestartContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

/** A restart mid-chain against Redis: each process life opens a new connection over the same keys. */
class RedisMentorChainRestartIT extends MentorChainRestartContract {
    private final KeySchema keys = RedisTestServer.freshKeys();
    private final List<RedisStore> stores = new ArrayList<>();

    @Override
    protected Life newLife() {
        RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), clock);
        stores.add(store);
        return new Life(store.mentors(), store.buttons(), store.profiles(), store.dueQueue());
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }
}
