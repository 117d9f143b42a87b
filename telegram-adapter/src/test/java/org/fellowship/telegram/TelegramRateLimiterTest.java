package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.port.StoreUnavailableException;
import org.fellowship.core.testkit.InMemoryRateLimitStore;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** Bot instances sharing one store, on a fake clock: no real sleeping, no timing assertions. */
class TelegramRateLimiterTest {
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        sleeps.add(d);
        clock.advance(d);
    };
    private final RateLimitStore store = new InMemoryRateLimitStore();

    private TelegramRateLimiter instance() {
        return new TelegramRateLimiter(store, RateLimits.telegram(), clock, sleeper);
    }

    @Test
    void twoInstancesShareTheBotWideLimitCountedFromEachAnswer() {
        TelegramRateLimiter a = instance();
        TelegramRateLimiter b = instance();
        Instant firstAnswer = null;
        for (int i = 0; i < 30; i++) {
            (i % 2 == 0 ? a : b).acquire(Long.toString(1000 + i), true, Priority.NORMAL).close();
            firstAnswer = firstAnswer == null ? clock.instant() : firstAnswer;
        }
        assertThat(Duration.between(firstAnswer, clock.instant())).as("paced over the second, not in one burst")
                .isGreaterThan(Duration.ofMillis(600));
        b.acquire("2000", true, Priority.NORMAL).close();
        assertThat(clock.instant()).isAfterOrEqualTo(firstAnswer.plusSeconds(1));
    }

    @Test
    void privateChatsGetOneMessageASecondAfterTheAnswerAndGroupsTwentyAMinute() {
        TelegramRateLimiter limiter = instance();
        SendPermits.Permit first = limiter.acquire("42", true, Priority.NORMAL);
        clock.advance(Duration.ofMillis(200)); // a slow answer
        first.close();
        limiter.acquire("42", true, Priority.NORMAL).close();
        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isEqualTo(Duration.ofMillis(1003)));

        sleeps.clear();
        for (int i = 0; i < 20; i++) {
            limiter.acquire("-100", false, Priority.BULK).close();
        }
        Instant before = clock.instant();
        limiter.acquire("-100", false, Priority.BULK).close();
        assertThat(Duration.between(before, clock.instant())).isGreaterThan(Duration.ofSeconds(55));
    }

    @Test
    void urgentSendersRetryFirst() {
        assertThat(TelegramRateLimiter.patience(Priority.URGENT)).isLessThan(TelegramRateLimiter.patience(Priority.NORMAL));
        assertThat(TelegramRateLimiter.patience(Priority.NORMAL)).isLessThan(TelegramRateLimiter.patience(Priority.BULK));
    }

    @Test
    void aTooManyRequestsAnswerPausesEveryInstanceForRetryAfter() {
        instance().backOff(Duration.ofSeconds(3));
        Instant before = clock.instant();
        instance().acquire("42", true, Priority.URGENT).close();
        assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofSeconds(3));
    }

    /**
     * Eight senders on two instances push 3,000 DMs through the limiter; each request reaches "Telegram" at a random
     * moment between its permit and its answer (1-400 ms later, heavy-tailed like a loaded machine). Whatever the
     * delays, no sliding second may see more than 30 arrivals, and the bot still uses most of the limit.
     */
    @Test
    void neverMoreThanThirtyArrivalsInAnySlidingSecondWhateverTheLatency() {
        Random random = new Random(42);
        List<Flight> inFlight = new ArrayList<>();
        List<Instant> arrivals = new ArrayList<>();
        // Sleeping moves the fake clock and lets every request that is due answer meanwhile.
        Sleeper answering = d -> {
            clock.advance(d);
            land(inFlight, clock.instant());
        };
        TelegramRateLimiter[] instances = {
            new TelegramRateLimiter(store, RateLimits.telegram(), clock, answering),
            new TelegramRateLimiter(store, RateLimits.telegram(), clock, answering)};
        Instant start = clock.instant();
        for (int i = 0; i < 3_000; i++) {
            while (inFlight.size() >= 8) { // every sender busy: time passes until one answers
                Instant next = inFlight.stream().map(Flight::answeredAt).min(Instant::compareTo).orElseThrow();
                clock.advance(Duration.between(clock.instant(), next));
                land(inFlight, clock.instant());
            }
            Priority priority = i % 50 == 0 ? Priority.URGENT : Priority.BULK;
            SendPermits.Permit permit = instances[i % 2].acquire(Long.toString(5_000 + i), true, priority);
            Instant granted = clock.instant();
            long latency = random.nextInt(10) == 0 ? 50 + random.nextInt(350) : 1 + random.nextInt(20);
            Instant answered = granted.plusMillis(latency);
            arrivals.add(granted.plusMillis(random.nextLong(latency + 1)));
            inFlight.add(new Flight(permit, answered));
            clock.advance(Duration.ofNanos(random.nextInt(1_000_000))); // a little work between sends
            land(inFlight, clock.instant());
        }
        arrivals.sort(null);
        for (int i = 30; i < arrivals.size(); i++) {
            assertThat(Duration.between(arrivals.get(i - 30), arrivals.get(i)))
                    .as("31 arrivals ending with #%d", i).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        double rate = (arrivals.size() - 1) / (Duration.between(start, arrivals.get(arrivals.size() - 1)).toNanos() / 1e9);
        // The heavy tail (10 % of answers take 50-400 ms) costs some rate, since a message counts until a second after its
        // answer; bulk senders also wait 10 ms of patience. Deterministic: simulated time and a seeded random.
        assertThat(rate).as("messages per simulated second").isBetween(24.0, 30.0);
    }

    private record Flight(SendPermits.Permit permit, Instant answeredAt) {
    }

    private static void land(List<Flight> inFlight, Instant now) {
        inFlight.removeIf(f -> {
            if (f.answeredAt().isAfter(now)) {
                return false;
            }
            f.permit().close();
            return true;
        });
    }

    @Test
    void givesUpAfterMaxWaitAndFailsOpenWithoutTheStore() {
        TelegramRateLimiter patient = new TelegramRateLimiter(store, new RateLimits(29, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 20, Duration.ofMinutes(1), Duration.ofSeconds(5)), clock, sleeper);
        store.pause(TelegramRateLimiter.SCOPE, Duration.ofMinutes(1), clock.instant());
        assertThatThrownBy(() -> patient.acquire("42", true, Priority.NORMAL))
                .isInstanceOf(GatewayException.class)
                .satisfies(e -> assertThat(((GatewayException) e).reason()).isEqualTo(GatewayException.Reason.RATE_LIMITED));

        RateLimitStore down = new RateLimitStore() {
            @Override
            public Take take(String scope, List<Window> windows, Instant now, Duration maxFlight) {
                throw new StoreUnavailableException("down", null);
            }

            @Override
            public void finish(String scope, List<Window> windows, String takeId, Instant now) {
                throw new StoreUnavailableException("down", null);
            }

            @Override
            public void pause(String scope, Duration wait, Instant now) {
                throw new StoreUnavailableException("down", null);
            }
        };
        TelegramRateLimiter open = new TelegramRateLimiter(down, RateLimits.telegram(), clock, sleeper);
        open.acquire("42", true, Priority.URGENT).close();
        open.backOff(Duration.ofSeconds(1));
        assertThat(sleeps).isEmpty();
    }
}
