package org.fellowship.redis;

import java.time.Duration;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.testkit.contract.DueQueueContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

class RedisDueQueueIT extends DueQueueContract {
    private RedisStore store;

    @Override
    protected DueQueue newQueue() {
        store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2));
        return store.dueQueue();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
