package org.fellowship.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.fellowship.core.safety.SemanticStage;

/**
 * Exports the semantic stage: {@code fellowship_crisis_semantic_seconds{outcome}} counts readings by outcome
 * (crisis, clear, skipped, stale, failed) with their inference time, and {@code fellowship_crisis_semantic_wait_seconds}
 * how long messages waited in its queue. {@code skipped} and {@code stale} count what overload left to the lexicon.
 */
final class MicrometerSemanticMetrics implements SemanticStage.Metrics {
    private final MeterRegistry registry;

    MicrometerSemanticMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void reading(String outcome, Duration waited, Duration inference) {
        Timer.builder("fellowship.crisis.semantic").description("Semantic-stage readings by outcome, and model time")
                .tag("outcome", outcome).register(registry).record(inference);
        Timer.builder("fellowship.crisis.semantic.wait").description("Time messages waited for the semantic stage")
                .register(registry).record(waited);
    }
}
