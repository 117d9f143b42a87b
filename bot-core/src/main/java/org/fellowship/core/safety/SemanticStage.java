package org.fellowship.core.safety;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SemanticScorer} beside the engine: a bounded queue and one or two inference threads of its own, so
 * an engine worker never waits for a model. The lexicon's decision is made on the worker first; this stage only adds
 * crisis verdicts, which the caller hands back to the engine for the member's conversation.
 *
 * <p>Under overload nothing blocks: a message that finds the queue full, or waits longer than {@code maxWait} in it,
 * is skipped (the lexicon's result stands) and counted. {@link #inline} runs each reading on the submitting thread
 * instead, for deterministic replays and tests. Logs carry outcomes and counts, never text.
 */
public final class SemanticStage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SemanticStage.class);

    /**
     * What the stage reports (the app exports it). Outcomes: {@code crisis}, {@code clear}, {@code skipped} (queue
     * full), {@code stale} (waited too long), {@code failed} (the scorer threw). Must be cheap, thread-safe, never
     * throw.
     */
    public interface Metrics {
        /** One message: how it ended, how long it waited in the queue and how long the model took. */
        void reading(String outcome, Duration waited, Duration inference);

        Metrics NONE = (outcome, waited, inference) -> {
        };
    }

    /**
     * @param threads       inference threads (each reads one message at a time on one core)
     * @param queueCapacity messages that may wait; more are skipped
     * @param maxWait       a message that waited longer is skipped: its verdict would come too late to help
     */
    public record Settings(int threads, int queueCapacity, Duration maxWait) {
        public Settings {
            if (threads < 1 || threads > 8 || queueCapacity < 1) {
                throw new IllegalArgumentException("semantic stage needs 1-8 threads and a queue of at least 1");
            }
        }

        /** One thread, 256 waiting messages, 10 seconds. */
        public static Settings defaults() {
            return new Settings(1, 256, Duration.ofSeconds(10));
        }
    }

    private final SemanticScorer scorer;
    private final Clock clock;
    private final Metrics metrics;
    private final Duration maxWait;
    private final ThreadPoolExecutor pool;

    private SemanticStage(SemanticScorer scorer, Clock clock, Metrics metrics, Settings settings, boolean inline) {
        this.scorer = scorer;
        this.clock = clock;
        this.metrics = metrics;
        this.maxWait = settings.maxWait();
        if (inline) {
            this.pool = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(settings.queueCapacity()), r -> {
                        Thread t = new Thread(r, "semantic-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.AbortPolicy());
        }
    }

    /** Inference threads of its own (production). */
    public static SemanticStage threaded(SemanticScorer scorer, Clock clock, Metrics metrics, Settings settings) {
        return new SemanticStage(scorer, clock, metrics, settings, false);
    }

    /** Each reading on the submitting thread (replays and tests: deterministic order). */
    public static SemanticStage inline(SemanticScorer scorer, Clock clock) {
        return new SemanticStage(scorer, clock, Metrics.NONE, Settings.defaults(), true);
    }

    String scorerName() {
        return scorer.name();
    }

    /**
     * Queues a reading of {@code text}; {@code onCrisis} runs on an inference thread when it reads as a crisis.
     *
     * @return {@code false} when it was skipped (queue full)
     */
    boolean submit(String text, Detection lexicon, Consumer<SemanticScorer.Reading> onCrisis) {
        long queued = clock.millis();
        Runnable job = () -> {
            Duration waited = Duration.ofMillis(Math.max(0, clock.millis() - queued));
            if (waited.compareTo(maxWait) > 0) {
                metrics.reading("stale", waited, Duration.ZERO);
                return;
            }
            SemanticScorer.Reading reading = readCounted(text, lexicon, waited);
            if (reading.crisis()) {
                onCrisis.accept(reading);
            }
        };
        if (pool == null) {
            job.run();
            return true;
        }
        try {
            pool.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            metrics.reading("skipped", Duration.ZERO, Duration.ZERO);
            return false;
        }
    }

    /**
     * Reads now, on the calling thread: for the rare message moderation is about to act on, so a crisis the lexicon
     * missed is never punished. A failure reads as no crisis (moderation then acts as it would have).
     */
    SemanticScorer.Reading readNow(String text, Detection lexicon) {
        return readCounted(text, lexicon, Duration.ZERO);
    }

    private SemanticScorer.Reading readCounted(String text, Detection lexicon, Duration waited) {
        long started = clock.millis();
        try {
            SemanticScorer.Reading reading = scorer.read(text, lexicon);
            metrics.reading(reading.crisis() ? "crisis" : "clear", waited,
                    Duration.ofMillis(Math.max(0, clock.millis() - started)));
            return reading;
        } catch (RuntimeException e) {
            LOG.warn("semantic scorer {} failed ({}); the lexicon's result stands", scorer.name(),
                    e.getClass().getSimpleName());
            metrics.reading("failed", waited, Duration.ZERO);
            return SemanticScorer.Reading.NONE;
        }
    }

    /** Messages waiting (0 inline). */
    int waiting() {
        return pool == null ? 0 : pool.getQueue().size();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
