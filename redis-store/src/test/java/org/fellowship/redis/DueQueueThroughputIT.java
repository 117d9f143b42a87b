package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fellowship.core.schedule.ClaimedItem;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.Test;

/** A smoke check that batch claims avoid per-item round trips; the real measurement lives in the benchmarks. */
class DueQueueThroughputIT {
    private static final Instant T0 = Instant.parse("2026-03-08T09:00:00Z");

    @Test
    void claimsLargeBatchesQuickly() {
        try (RedisStore store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(),
                Duration.ofHours(1))) {
            DueQueue queue = store.dueQueue();
            int items = 20_000;
            for (int i = 0; i < items; i++) {
                queue.schedule(new DueItem("bench:" + i, "bench", T0.plusMillis(i % 1000), "{\"member\":\"tg:" + i + "\"}"));
            }
            long start = System.nanoTime();
            int claimed = 0;
            List<ClaimedItem> batch;
            while (!(batch = queue.claim(T0.plusSeconds(5), 500, Duration.ofMinutes(5))).isEmpty()) {
                claimed += batch.size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double perSecond = claimed / seconds;
            System.out.printf("due-queue claim: %d items in %.3f s = %.0f items/s%n", claimed, seconds, perSecond);
            assertThat(claimed).isEqualTo(items);
            // Loose floor: the build machine is shared; the benchmark module measures the real number.
            assertThat(perSecond).isGreaterThan(5_000);
        }
    }
}
