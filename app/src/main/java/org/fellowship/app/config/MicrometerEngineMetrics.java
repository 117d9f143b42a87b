package org.fellowship.app.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.fellowship.core.engine.EngineMetrics;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DeadLetterReason;

/**
 * Exports the engine's meters: {@code fellowship_events_seconds{platform,outcome}} (count and handling time),
 * {@code fellowship_due_lag_seconds{kind,result}} (how late scheduled work ran: the queue lag) and
 * {@code fellowship_due_dead_lettered_total{kind,reason}} (scheduled items taken off the queue without succeeding).
 */
final class MicrometerEngineMetrics implements EngineMetrics {
    private final MeterRegistry registry;

    MicrometerEngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void event(Platform platform, String outcome, Duration handling) {
        Timer.builder("fellowship.events").description("Inbound events by outcome, and how long handling took")
                .tag("platform", platform.lowerName()).tag("outcome", outcome).register(registry).record(handling);
    }

    @Override
    public void dueItem(String kind, Duration lag, boolean succeeded) {
        Timer.builder("fellowship.due.lag").description("How late scheduled work ran after it fell due")
                .tag("kind", kind).tag("result", succeeded ? "ok" : "failed").register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    @Override
    public void deadLettered(String kind, DeadLetterReason reason) {
        Counter.builder("fellowship.due.dead.lettered")
                .description("Scheduled items taken off the queue without succeeding, by why")
                .tag("kind", kind).tag("reason", reason.key()).register(registry).increment();
    }
}
