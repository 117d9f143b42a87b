package org.fellowship.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.core.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ReconnectsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-09T08:00:00Z"));
    private final Logger logger = (Logger) LoggerFactory.getLogger(Reconnects.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    /** A "random" source that always draws {@code value} in [0, 1). */
    private static RandomGenerator always(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is drawn");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private List<String> warningsAndInfos() {
        return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void theWaitDoublesUpToFiveMinutesAndStartsOverAfterAReset() {
        List<Duration> waits = new ArrayList<>();
        try (Reconnects reconnects = new Reconnects("Test", Duration.ofSeconds(5), clock, always(0))) {
            for (int i = 0; i < 9; i++) {
                waits.add(reconnects.failed(new GatewayException(Reason.UNAVAILABLE, "down"), () -> { }));
            }
            reconnects.reset();
            waits.add(reconnects.failed(new GatewayException(Reason.UNAVAILABLE, "down"), () -> { }));
        }
        assertThat(waits).extracting(Duration::toSeconds)
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L, 5L);
    }

    @Test
    void jitterShortensEachWaitByUpToAFifthAndNeverPassesTheCap() {
        List<Duration> waits = new ArrayList<>();
        try (Reconnects reconnects = new Reconnects("Test", Duration.ofSeconds(10), clock, always(0.5))) {
            for (int i = 0; i < 8; i++) {
                waits.add(reconnects.failed(new GatewayException(Reason.UNAVAILABLE, "down"), () -> { }));
            }
        }
        assertThat(waits).extracting(Duration::toMillis)
                .containsExactly(9_000L, 18_000L, 36_000L, 72_000L, 144_000L, 270_000L, 270_000L, 270_000L);
        try (Reconnects nearlyAll = new Reconnects("Test", Duration.ofSeconds(10), clock, always(0.999_999))) {
            assertThat(nearlyAll.failed(new GatewayException(Reason.UNAVAILABLE, "down"), () -> { }))
                    .isEqualTo(Duration.ofMillis(8_000));
        }
    }

    @Test
    void healthSaysWhichAttemptComesAndWhenByTheInjectedClock() {
        try (Reconnects reconnects = new Reconnects("Test", Duration.ofSeconds(5), clock, always(0))) {
            assertThat(reconnects.status()).isEmpty();
            reconnects.failed(new GatewayException(Reason.UNAVAILABLE, "down"), () -> { });
            assertThat(reconnects.status()).contains("reconnecting (attempt 2, next in 5s)");
            clock.advance(Duration.ofSeconds(3));
            assertThat(reconnects.status()).contains("reconnecting (attempt 2, next in 2s)");
            clock.advance(Duration.ofSeconds(2));
            reconnects.failed(new GatewayException(Reason.UNAVAILABLE, "down"), () -> { });
            assertThat(reconnects.status()).contains("reconnecting (attempt 3, next in 10s)");
            reconnects.connected();
            assertThat(reconnects.status()).isEmpty();
        }
    }

    @Test
    void logsOncePerChangeOfStateNotEveryAttempt() {
        try (Reconnects reconnects = new Reconnects("Test", Duration.ofSeconds(5), clock, always(0))) {
            for (int i = 0; i < 4; i++) {
                // the same state though the message differs: one line
                reconnects.failed(new GatewayException(Reason.UNAVAILABLE, "connect timed out after " + (i + 1)
                        + " s"), () -> { });
            }
            reconnects.failed(new GatewayException(Reason.RATE_LIMITED, "retry after 30"), () -> { });
            reconnects.failed(new GatewayException(Reason.RATE_LIMITED, "retry after 30"), () -> { });
            reconnects.connected();
            reconnects.connected();
        }
        assertThat(warningsAndInfos()).containsExactly(
                "Test adapter could not connect (UNAVAILABLE: connect timed out after 1 s); the rest of the bot keeps "
                        + "running. Trying again in 5 s, backing off up to 5 min; further failures like this one are not logged",
                "Test adapter could not connect (RATE_LIMITED: retry after 30); the rest of the bot keeps running. "
                        + "Trying again in 80 s, backing off up to 5 min; further failures like this one are not "
                        + "logged",
                "Test adapter connected after 6 failed attempts");
    }

    @Test
    void aBookedAttemptRunsOnTheTimer() throws Exception {
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
        try (Reconnects reconnects = new Reconnects("Test", Duration.ofMillis(1), clock, always(0))) {
            reconnects.failed(new GatewayException(Reason.UNAVAILABLE, "down"), ran::countDown);
            assertThat(ran.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void onlyAnOutageOrARateLimitIsWorthRetrying() {
        assertThat(Reconnects.worthRetrying(new GatewayException(Reason.UNAVAILABLE, "down"))).isTrue();
        assertThat(Reconnects.worthRetrying(new GatewayException(Reason.RATE_LIMITED, "slow down"))).isTrue();
        assertThat(Reconnects.worthRetrying(new GatewayException(Reason.FORBIDDEN, "bad token"))).isFalse();
        assertThat(Reconnects.worthRetrying(new GatewayException(Reason.NOT_FOUND, "no such bot"))).isFalse();
    }

    @Test
    void aZeroFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Reconnects("test", Duration.ZERO, clock, always(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
