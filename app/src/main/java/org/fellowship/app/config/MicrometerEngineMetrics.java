package org.fellowship.app.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.fellowship.core.engine.EngineMetrics;
import org.fellowship.core.model.Platform;

/**
 * Exports the engine's counters: {@code fellowship_events_total{platform,outcome}} and
 * {@code fellowship_due_lag_seconds{kind,result}} (how late scheduled work ran: the queue lag).
 */
final class MicrometerEngineMetrics implements EngineMetrics {
    private final MeterRegistry registry;

    MicrometerEngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void event(Platform platform, String outcome) {
        Counter.builder("fellowship.events").description("Inbound events by outcome")
                .tag("platform", platform.lowerName()).tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void dueItem(String kind, Duration lag, boolean succeeded) {
        Timer.builder("fellowship.due.lag").description("How late scheduled work ran after it fell due")
                .tag("kind", kind).tag("result", succeeded ? "ok" : "failed").register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }
}
