package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.DueDeadLetterContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisDueDeadLetterIT extends DueDeadLetterContract {
    private final KeySchema keys = RedisTestServer.freshKeys();
    private RedisStore store;

    @Override
    protected DueQueue newQueue(MutableClock clock) {
        store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), clock);
        return store.dueQueue();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Overwrites an item's stored record behind the queue's back (as a bug or a hand edit might). */
    private void storeRecord(String id, String record) {
        RedisClient raw = RedisClient.create(RedisTestServer.uri());
        try (StatefulRedisConnection<String, String> connection = raw.connect()) {
            connection.sync().hset(keys.duePayloads(), id, record);
        } finally {
            raw.shutdown();
        }
    }

    @Test
    void aRecordTheQueueCannotReadIsClaimedAsUnreadableAndDeadLettered() {
        store.dueQueue().schedule(new DueItem("garbled", "test.number", clock.instant(), "1"));
        storeRecord("garbled", "no separators at all");

        assertThat(worker().runDue(DueLane.DEFAULT)).isEqualTo(1);

        assertThat(deadLettered()).containsExactly(DueItem.UNREADABLE_KIND + " unreadable-record");
        assertGoneForGood("garbled");
    }
}
