package org.fellowship.app.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.fellowship.core.engine.EngineMetrics;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DeadLetterReason;

/**
 * Exports the engine's meters: {@code fellowship_events_seconds{platform,outcome}} (count and handling time),
 * {@code fellowship_due_lag_seconds{kind,result}} (how late scheduled work ran: the queue lag) and
 * {@code fellowship_due_dead_lettered_total{kind,reason}} (scheduled items taken off the queue without succeeding).
 * {@link #registerAtZero} makes every series exist from start-up.
 */
final class MicrometerEngineMetrics implements EngineMetrics {
    /** Every outcome the engine reports for an event. */
    static final List<String> OUTCOMES = List.of("handled", "duplicate", "ignored", "failed", "resumed");

    private final MeterRegistry registry;

    MicrometerEngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every series at zero, so dashboards and alerts see 0 rather than no data before the first event. */
    static void registerAtZero(MeterRegistry registry, Collection<String> dueKinds) {
        for (Platform platform : Platform.values()) {
            OUTCOMES.forEach(outcome -> events(registry, platform, outcome));
        }
        for (String kind : dueKinds) {
            dueLag(registry, kind, true);
            dueLag(registry, kind, false);
            for (DeadLetterReason reason : DeadLetterReason.values()) {
                deadLetters(registry, kind, reason);
            }
        }
    }

    @Override
    public void event(Platform platform, String outcome, Duration handling) {
        events(registry, platform, outcome).record(handling);
    }

    @Override
    public void dueItem(String kind, Duration lag, boolean succeeded) {
        dueLag(registry, kind, succeeded).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    @Override
    public void deadLettered(String kind, DeadLetterReason reason) {
        deadLetters(registry, kind, reason).increment();
    }

    private static Timer events(MeterRegistry registry, Platform platform, String outcome) {
        return Timer.builder("fellowship.events").description("Inbound events by outcome, and how long handling took")
                .tag("platform", platform.lowerName()).tag("outcome", outcome).register(registry);
    }

    private static Timer dueLag(MeterRegistry registry, String kind, boolean succeeded) {
        return Timer.builder("fellowship.due.lag").description("How late scheduled work ran after it fell due")
                .tag("kind", kind).tag("result", succeeded ? "ok" : "failed").register(registry);
    }

    private static Counter deadLetters(MeterRegistry registry, String kind, DeadLetterReason reason) {
        return Counter.builder("fellowship.due.dead.lettered")
                .description("Scheduled items taken off the queue without succeeding, by why")
                .tag("kind", kind).tag("reason", reason.key()).register(registry);
    }
}
