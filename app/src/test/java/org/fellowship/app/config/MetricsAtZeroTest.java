package org.fellowship.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DeadLetterReason;
import org.junit.jupiter.api.Test;

class MetricsAtZeroTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void engineSeriesExistAtZeroBeforeAnyEventAndCountFromThere() {
        MicrometerEngineMetrics.registerAtZero(registry, List.of("meeting-reminder", "feed-refresh"));
        assertThat(registry.find("fellowship.events").tag("platform", "telegram").tag("outcome", "handled").timer())
                .isNotNull().satisfies(t -> assertThat(t.count()).isZero());
        assertThat(registry.find("fellowship.events").timers()).hasSize(Platform.values().length * 5);
        assertThat(registry.find("fellowship.due.lag").tag("kind", "feed-refresh").tag("result", "failed").timer()
                .count()).isZero();
        assertThat(registry.find("fellowship.due.dead.lettered").tag("kind", "meeting-reminder")
                .tag("reason", DeadLetterReason.values()[0].key()).counter().count()).isZero();

        new MicrometerEngineMetrics(registry).event(Platform.DISCORD, "failed", Duration.ofMillis(3));
        assertThat(registry.find("fellowship.events").tag("platform", "discord").tag("outcome", "failed").timer()
                .count()).isEqualTo(1);
        assertThat(registry.find("fellowship.events").timers()).as("the same series, not a new one")
                .hasSize(Platform.values().length * 5);
    }

    @Test
    void semanticSeriesExistAtZeroOnceTheStageHasItsMetrics() {
        new MicrometerSemanticMetrics(registry);
        for (String outcome : List.of("crisis", "clear", "skipped", "stale", "failed")) {
            assertThat(registry.find("fellowship.crisis.semantic").tag("outcome", outcome).timer().count()).isZero();
        }
        assertThat(registry.find("fellowship.crisis.semantic.wait").timer().count()).isZero();
    }
}
