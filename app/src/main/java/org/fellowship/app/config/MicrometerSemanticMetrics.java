package org.fellowship.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.fellowship.core.safety.SemanticStage;

/**
 * Exports the semantic stage: {@code fellowship_crisis_semantic_seconds{outcome}} counts readings by outcome
 * (crisis, clear, skipped, stale, failed) with their inference time, and {@code fellowship_crisis_semantic_wait_seconds}
 * how long messages waited in its queue. {@code skipped} and {@code stale} count what overload left to the lexicon.
 * Every series exists at zero from construction, before the first reading.
 */
final class MicrometerSemanticMetrics implements SemanticStage.Metrics {
    /** Every outcome the semantic stage reports. */
    static final List<String> OUTCOMES = List.of("crisis", "clear", "skipped", "stale", "failed");

    private final MeterRegistry registry;
    private final Timer waits;

    MicrometerSemanticMetrics(MeterRegistry registry) {
        this.registry = registry;
        OUTCOMES.forEach(this::readings);
        this.waits = Timer.builder("fellowship.crisis.semantic.wait")
                .description("Time messages waited for the semantic stage").register(registry);
    }

    @Override
    public void reading(String outcome, Duration waited, Duration inference) {
        readings(outcome).record(inference);
        waits.record(waited);
    }

    private Timer readings(String outcome) {
        return Timer.builder("fellowship.crisis.semantic")
                .description("Semantic-stage readings by outcome, and model time").tag("outcome", outcome).register(registry);
    }
}
