package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The bounded retry behind every wait for a Redis server; pauses are recorded, never slept. */
class RetryTest {
    private final List<Duration> pauses = new ArrayList<>();
    private final Retry retry = new Retry(5, Duration.ofMillis(100), Duration.ofMillis(300), pauses::add);

    @Test
    void retriesRetryableFailuresWithDoublingCappedPausesUntilOneSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String result = retry.run("test", LoggerFactory.getLogger(RetryTest.class), e -> e instanceof IOException,
                () -> {
                    if (calls.incrementAndGet() < 5) {
                        throw new IOException("not yet");
                    }
                    return "PONG";
                });
        assertThat(result).isEqualTo("PONG");
        assertThat(calls).hasValue(5);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(300));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("test", LoggerFactory.getLogger(RetryTest.class),
                e -> e instanceof IOException, () -> {
                    throw new IOException("refused #" + calls.incrementAndGet());
                }))
                .isInstanceOfSatisfying(Retry.Exhausted.class, e -> assertThat(e.attempts()).isEqualTo(5))
                .hasRootCauseMessage("refused #5");
        assertThat(calls).hasValue(5);
        assertThat(pauses).hasSize(4);
    }

    @Test
    void aFailureThatIsNotRetryableIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("test", LoggerFactory.getLogger(RetryTest.class),
                e -> e instanceof IOException, () -> {
                    calls.incrementAndGet();
                    throw new IllegalArgumentException("wrong password");
                }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("wrong password");
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void needsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new Retry(0, Duration.ZERO, Duration.ZERO, Retry.REAL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
