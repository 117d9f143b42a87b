package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import org.fellowship.core.schedule.ClaimedItem;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.DueQueueContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisDueQueueIT extends DueQueueContract {
    /** Nothing here depends on time passing: a fixed clock for the stores' expiries. */
    private static final MutableClock CLOCK = MutableClock.at("2026-03-08T09:00:00Z");
    private RedisStore store;

    @Override
    protected DueQueue newQueue() {
        store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2), CLOCK);
        return store.dueQueue();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void payloadWithSeparatorsAndUnicodeSurvivesClaimAndRetry() {
        DueQueue queue = store.dueQueue();
        String payload = "{\"a\":\"x|y||z\",\"emoji\":\"\uD83C\uDF31 caf\u00e9\"}";
        queue.schedule(new DueItem("p", "kind.x", T0, payload));
        ClaimedItem first = queue.claim(T0, 10, Duration.ofMinutes(1)).get(0);
        assertThat(first.item()).isEqualTo(new DueItem("p", "kind.x", T0, payload));
        queue.retry(first, T0.plusSeconds(10));
        ClaimedItem second = queue.claim(T0.plusSeconds(10), 10, Duration.ofMinutes(1)).get(0);
        assertThat(second.item()).isEqualTo(new DueItem("p", "kind.x", T0.plusSeconds(10), payload));
    }

    @Test
    void scriptsAreLoadedAgainAfterTheServerForgetsThem() {
        RedisClient raw = RedisClient.create(RedisTestServer.uri());
        try (StatefulRedisConnection<String, String> connection = raw.connect()) {
            connection.sync().scriptFlush();
        } finally {
            raw.shutdown();
        }
        DueQueue queue = store.dueQueue();
        assertThat(queue.schedule(new DueItem("after-flush", "test", T0, ""))).isTrue();
        List<ClaimedItem> claimed = queue.claim(T0, 10, Duration.ofMinutes(1));
        assertThat(claimed).hasSize(1);
        assertThat(queue.complete(claimed.get(0))).isTrue();
    }
}
