package org.fellowship.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.core.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class AdapterHealthTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-09T08:00:00Z"));
    private final RandomGenerator noJitter = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0;
        }
    };

    @Test
    void whileARetryIsBookedHealthSaysReconnectingWithTheAttemptAndTheWait() {
        try (Reconnects reconnects = new Reconnects("Telegram", Duration.ofSeconds(5), clock, noJitter)) {
            Health stopped = AdapterHealth.notConnected(null, reconnects);
            assertThat(stopped.getStatus()).isEqualTo(Status.DOWN);
            assertThat(stopped.getDetails()).containsOnlyKeys("problem").containsEntry("problem", "stopped");

            reconnects.failed(new GatewayException(Reason.UNAVAILABLE, "getMe answered 502"), () -> { });
            reconnects.failed(new GatewayException(Reason.UNAVAILABLE, "getMe answered 502"), () -> { });
            clock.advance(Duration.ofSeconds(4));
            Health retrying = AdapterHealth.notConnected("UNAVAILABLE: getMe answered 502", reconnects);
            assertThat(retrying.getStatus()).isEqualTo(Status.DOWN);
            assertThat(retrying.getDetails()).containsEntry("state", "reconnecting (attempt 3, next in 6s)")
                    .containsEntry("problem", "UNAVAILABLE: getMe answered 502");
        }
    }
}
