package org.fellowship.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.fellowship.redis.EmbeddedRedis;
import org.fellowship.redis.KeySchema;
import org.fellowship.redis.RedisStore;

/**
 * Runs the benchmarks and prints absolute numbers and ratios against baselines measured in the same run:
 * {@code java -jar benchmarks/target/fellowship-benchmarks.jar [due-queue] [engine] [crisis] [semantic] [checkins] [moderation] [--redis-url URL]}.
 * Without a URL each benchmark uses a fresh embedded Redis (the same server the app embeds).
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> which = Arrays.stream(args).filter(a -> !a.startsWith("--") && !a.startsWith("redis")).toList();
        String url = null;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--redis-url")) {
                url = args[i + 1];
            }
        }
        boolean all = which.isEmpty();
        System.out.printf("Fellowship benchmarks on %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (all || which.contains("crisis")) {
            CrisisBenchmark.run();
            withStore(url, CrisisBenchmark::latency);
        }
        if (all || which.contains("semantic")) {
            withStore(url, SemanticBenchmark::run);
        }
        if (all || which.contains("moderation")) {
            ModerationBenchmark.run();
        }
        if (all || which.contains("due-queue")) {
            withStore(url, store -> new DueQueueBenchmark(store).run());
        }
        if (all || which.contains("engine")) {
            withStore(url, store -> new EngineBenchmark(store).run());
        }
        if (all || which.contains("checkins")) {
            System.out.println("checkins: daily check-in memory and dispatch cost (each size on a fresh Redis)");
            CheckinBenchmark.Result[] results = new CheckinBenchmark.Result[2];
            withStore(url, store -> new CheckinBenchmark(store).run(50_000)); // JVM warm-up, not reported
            withStore(url, store -> results[0] = new CheckinBenchmark(store).run(100_000));
            withStore(url, store -> results[1] = new CheckinBenchmark(store).run(1_000_000));
            CheckinBenchmark.report(results[0], results[1]);
        }
    }

    /** Work that needs a store. */
    interface StoreWork {
        void run(RedisStore store) throws Exception;
    }

    private static void withStore(String url, StoreWork work) throws Exception {
        EmbeddedRedis embedded = url == null ? EmbeddedRedis.start(null, 0) : null;
        try (RedisStore store = RedisStore.connect(url == null ? embedded.uri() : url,
                KeySchema.namespaced("bench" + System.nanoTime()), Duration.ofDays(1), Clock.systemUTC())) {
            work.run(store);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * Messages per second of {@code work} over {@code messages} (cycled): a warm-up of a fifth, then the median of
     * three timed rounds, printed under {@code name} with a checksum that keeps the JIT from dropping the work.
     */
    static double messagesPerSecond(String name, String[] corpus, int messages, ToIntFunction<String> work) {
        long sink = 0;
        for (int i = 0; i < messages / 5; i++) { // warm-up
            sink += work.applyAsInt(corpus[i % corpus.length]);
        }
        double[] rates = new double[3];
        for (int round = 0; round < rates.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                sink += work.applyAsInt(corpus[i % corpus.length]);
            }
            rates[round] = messages / ((System.nanoTime() - start) / 1e9);
        }
        double median = median(rates);
        System.out.printf(Locale.ROOT, "  %-40s %,12.0f messages/s (checksum %d)%n", name, median, sink % 1000);
        return median;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
