package org.fellowship.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.fellowship.core.schedule.ClaimedItem;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.redis.RedisStore;

/**
 * Claim throughput of the Redis due-queue: batches of 500 against a baseline of one item per claim (what a
 * naive worker polling one job at a time does), both against the same server in the same run.
 */
final class DueQueueBenchmark {
    private static final int ITEMS = 200_000;
    private static final int BASELINE_ITEMS = 20_000;
    private static final int BATCH = 500;
    private static final int ROUNDS = 3;
    private static final Instant T0 = Instant.parse("2026-03-08T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final DueQueue queue;
    private int round;

    DueQueueBenchmark(RedisStore store) {
        this.queue = store.dueQueue();
    }

    void run() throws Exception {
        System.out.println();
        System.out.println("== due-queue (claim with lease, Lua, real Redis) ==");
        double[] batched = new double[ROUNDS];
        double[] single = new double[ROUNDS];
        double[] scheduled = new double[ROUNDS];
        double[] completed = new double[ROUNDS];
        measure(2_000, BATCH); // warm-up: JIT, script cache
        measure(2_000, 1);
        for (int r = 0; r < ROUNDS; r++) {
            double[] m = measure(ITEMS, BATCH);
            scheduled[r] = m[0];
            batched[r] = m[1];
            completed[r] = m[2];
            single[r] = measure(BASELINE_ITEMS, 1)[1];
        }
        double claim = Benchmarks.median(batched);
        double baseline = Benchmarks.median(single);
        System.out.printf("schedule:               %,12.0f items/s (4 threads)%n", Benchmarks.median(scheduled));
        System.out.printf("claim, batches of %d:  %,12.0f items/s (median of %d rounds of %,d items)%n", BATCH, claim,
                ROUNDS, ITEMS);
        System.out.printf("claim, one at a time:   %,12.0f items/s (baseline, %,d items)%n", baseline, BASELINE_ITEMS);
        System.out.printf("ratio batched/baseline: %12.1fx%n", claim / baseline);
        System.out.printf("complete (4 threads):   %,12.0f items/s%n", Benchmarks.median(completed));
    }

    /** @return items/s for scheduling, claiming and completing */
    private double[] measure(int items, int batch) throws Exception {
        String prefix = "r" + (round++) + ":";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < items; i += 4) {
                        queue.schedule(new DueItem(prefix + i, "bench", T0.plusMillis(i), "{\"member\":\"tg:" + i + "\"}"));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double scheduleRate = items / seconds(start);

            List<ClaimedItem> claimed = new ArrayList<>(items);
            Instant now = T0.plus(Duration.ofDays(1));
            start = System.nanoTime();
            while (true) {
                List<ClaimedItem> got = queue.claim(now, batch, LEASE);
                if (got.isEmpty()) {
                    break;
                }
                claimed.addAll(got);
            }
            double claimRate = claimed.size() / seconds(start);
            if (claimed.size() != items) {
                throw new IllegalStateException("claimed " + claimed.size() + " of " + items);
            }

            start = System.nanoTime();
            futures.clear();
            for (int t = 0; t < 4; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < claimed.size(); i += 4) {
                        queue.complete(claimed.get(i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double completeRate = items / seconds(start);
            return new double[] {scheduleRate, claimRate, completeRate};
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
