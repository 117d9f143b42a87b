package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fellowship.core.schedule.DeadLetterReason;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.DueMetrics;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.schedule.DueWorker;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The due worker's one dead-letter path, on every {@link DueQueue}: an item whose payload its kind cannot read, of a
 * kind without a handler, or whose handler fails on every attempt is completed (never claimed again) and counted once.
 * Subclasses supply a fresh, empty queue whose store reads {@code clock}.
 */
public abstract class DueDeadLetterContract {
    private static final Duration LEASE = Duration.ofMinutes(1);
    /** Payloads are numbers; the handler fails on negative ones. */
    private static final DueKind<Integer> NUMBER = new DueKind<>("test.number",
            PayloadCodec.of(n -> Integer.toString(n), Integer::valueOf));

    protected final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final List<Integer> ran = new CopyOnWriteArrayList<>();
    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private DueQueue queue;
    private DueWorker worker;

    /** A new queue with nothing in it, whose store reads {@code clock}. */
    protected abstract DueQueue newQueue(MutableClock clock);

    @BeforeEach
    void setUpWorker() {
        queue = newQueue(clock);
        DueHandler<Integer> handler = new DueHandler<>() {
            @Override
            public DueKind<Integer> kind() {
                return NUMBER;
            }

            @Override
            public void run(DueItem item, Integer n) {
                ran.add(n);
                if (n < 0) {
                    throw new IllegalStateException("negative");
                }
            }
        };
        DueMetrics metrics = new DueMetrics() {
            @Override
            public void dueItem(String kind, Duration lag, boolean succeeded) {
            }

            @Override
            public void deadLettered(String kind, DeadLetterReason reason) {
                deadLettered.add(kind + " " + reason.key());
            }
        };
        worker = new DueWorker(queue, Map.of(NUMBER.name(), handler), clock, LEASE, 10, metrics);
    }

    /** The worker, with a handler for {@code test.number} only. */
    protected DueWorker worker() {
        return worker;
    }

    /** What was dead-lettered so far, as {@code <kind> <reason key>}. */
    protected List<String> deadLettered() {
        return deadLettered;
    }

    /** Runs the worker again well after every lease and back-off: nothing dead-lettered comes back. */
    protected void assertGoneForGood(String id) {
        assertThat(queue.size()).isZero();
        assertThat(queue.isDone(id)).isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(worker.runDue()).isZero();
    }

    @Test
    void theHandlerGetsThePayloadDecodedOnce() {
        queue.schedule(NUMBER.item("seven", clock.instant(), 7));

        assertThat(worker.runDue()).isEqualTo(1);

        assertThat(ran).containsExactly(7);
        assertThat(deadLettered).isEmpty();
        assertGoneForGood("seven");
    }

    @Test
    void anUnreadablePayloadIsDeadLetteredWithoutRunningTheHandler() {
        queue.schedule(new DueItem("words", NUMBER.name(), clock.instant(), "seven"));

        assertThat(worker.runDue()).isEqualTo(1);

        assertThat(ran).isEmpty();
        assertThat(deadLettered).containsExactly("test.number malformed-payload");
        assertGoneForGood("words");
    }

    @Test
    void anItemOfAKindWithoutHandlerIsDeadLettered() {
        queue.schedule(new DueItem("retired", "test.retired", clock.instant(), "1"));

        assertThat(worker.runDue()).isEqualTo(1);

        assertThat(ran).isEmpty();
        assertThat(deadLettered).containsExactly("test.retired unknown-kind");
        assertGoneForGood("retired");
    }

    @Test
    void aHandlerThatFailsOnEveryAttemptIsDeadLetteredAfterTheLast() {
        queue.schedule(NUMBER.item("negative", clock.instant(), -1));

        for (int attempt = 1; attempt < DueWorker.MAX_ATTEMPTS; attempt++) {
            assertThat(worker.runDue()).as("attempt %d", attempt).isEqualTo(1);
            assertThat(deadLettered).as("retried after attempt %d", attempt).isEmpty();
            assertThat(queue.size()).isEqualTo(1);
            clock.advance(Duration.ofHours(1)); // past the back-off
        }
        assertThat(worker.runDue()).isEqualTo(1);

        assertThat(ran).hasSize(DueWorker.MAX_ATTEMPTS).containsOnly(-1);
        assertThat(deadLettered).containsExactly("test.number attempts-exhausted");
        assertGoneForGood("negative");
    }
}
