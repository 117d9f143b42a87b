package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.store.RateLimitStore;
import org.fellowship.core.store.StoreUnavailableException;
import org.fellowship.core.testkit.InMemoryRateLimitStore;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** Two bot instances sharing one store, on a fake clock: no real sleeping, no timing assertions. */
class SharedRateLimiterTest {
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private final SharedRateLimiter.Sleeper sleeper = d -> {
        sleeps.add(d);
        clock.advance(d);
    };
    private final RateLimitStore store = new InMemoryRateLimitStore();

    private SharedRateLimiter instance() {
        return new SharedRateLimiter(store, RateLimits.telegram(), clock, sleeper);
    }

    @Test
    void twoInstancesShareTheBotWideLimit() {
        SharedRateLimiter a = instance();
        SharedRateLimiter b = instance();
        for (int i = 0; i < 29; i++) {
            (i % 2 == 0 ? a : b).acquire(Long.toString(1000 + i), true, Priority.NORMAL);
        }
        assertThat(sleeps).isEmpty();
        Instant before = clock.instant();
        b.acquire("2000", true, Priority.NORMAL);
        assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void privateChatsGetOneMessageASecondAndGroupsTwentyAMinute() {
        SharedRateLimiter limiter = instance();
        limiter.acquire("42", true, Priority.NORMAL);
        limiter.acquire("42", true, Priority.NORMAL);
        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isEqualTo(Duration.ofMillis(1003)));

        sleeps.clear();
        for (int i = 0; i < 20; i++) {
            limiter.acquire("-100", false, Priority.BULK);
        }
        Instant before = clock.instant();
        limiter.acquire("-100", false, Priority.BULK);
        assertThat(Duration.between(before, clock.instant())).isGreaterThan(Duration.ofSeconds(55));
    }

    @Test
    void urgentSendersRetryFirst() {
        assertThat(SharedRateLimiter.patience(Priority.URGENT)).isLessThan(SharedRateLimiter.patience(Priority.NORMAL));
        assertThat(SharedRateLimiter.patience(Priority.NORMAL)).isLessThan(SharedRateLimiter.patience(Priority.BULK));
    }

    @Test
    void aTooManyRequestsAnswerPausesEveryInstance() {
        instance().backOff(Duration.ofSeconds(3));
        Instant before = clock.instant();
        instance().acquire("42", true, Priority.URGENT);
        assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void givesUpAfterMaxWaitAndFailsOpenWithoutTheStore() {
        SharedRateLimiter patient = new SharedRateLimiter(store, new RateLimits(29, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 20, Duration.ofMinutes(1), Duration.ofSeconds(5)), clock, sleeper);
        store.pause(SharedRateLimiter.SCOPE, Duration.ofMinutes(1), clock.instant());
        assertThatThrownBy(() -> patient.acquire("42", true, Priority.NORMAL))
                .isInstanceOf(GatewayException.class)
                .satisfies(e -> assertThat(((GatewayException) e).reason()).isEqualTo(GatewayException.Reason.RATE_LIMITED));

        RateLimitStore down = new RateLimitStore() {
            @Override
            public Duration tryTake(String scope, List<Window> windows, Instant now) {
                throw new StoreUnavailableException("down", null);
            }

            @Override
            public void pause(String scope, Duration wait, Instant now) {
                throw new StoreUnavailableException("down", null);
            }
        };
        SharedRateLimiter open = new SharedRateLimiter(down, RateLimits.telegram(), clock, sleeper);
        open.acquire("42", true, Priority.URGENT);
        open.backOff(Duration.ofSeconds(1));
        assertThat(sleeps).isEmpty();
    }
}
