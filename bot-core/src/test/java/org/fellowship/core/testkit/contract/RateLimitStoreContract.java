package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.port.RateLimitStore.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RateLimitStore} must have. Time is the caller's, so these tests never sleep. */
public abstract class RateLimitStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-08T09:00:00Z");
    private static final Window BOT = new Window("bot", 3, Duration.ofSeconds(1));

    private RateLimitStore store;

    protected abstract RateLimitStore newStore();

    @BeforeEach
    void setUpStore() {
        store = newStore();
    }

    @Test
    void allowsTheLimitThenSaysHowLongToWait() {
        assertThat(store.tryTake("tg", List.of(BOT), T0)).isZero();
        assertThat(store.tryTake("tg", List.of(BOT), T0.plusMillis(100))).isZero();
        assertThat(store.tryTake("tg", List.of(BOT), T0.plusMillis(200))).isZero();
        assertThat(store.tryTake("tg", List.of(BOT), T0.plusMillis(300))).isEqualTo(Duration.ofMillis(700));
        assertThat(store.tryTake("tg", List.of(BOT), T0.plusMillis(1001))).as("the first take left the window").isZero();
    }

    @Test
    void takesInAllWindowsOrNone() {
        Window chat = new Window("chat:42", 1, Duration.ofSeconds(1));
        assertThat(store.tryTake("tg", List.of(BOT, chat), T0)).isZero();
        assertThat(store.tryTake("tg", List.of(BOT, chat), T0.plusMillis(10))).isEqualTo(Duration.ofMillis(990));
        // the refused take did not count against the bot window: two more fit
        assertThat(store.tryTake("tg", List.of(BOT), T0.plusMillis(20))).isZero();
        assertThat(store.tryTake("tg", List.of(BOT), T0.plusMillis(30))).isZero();
        assertThat(store.tryTake("tg", List.of(BOT), T0.plusMillis(40))).isPositive();
    }

    @Test
    void scopesAndWindowsAreIndependent() {
        Window one = new Window("chat:1", 1, Duration.ofSeconds(1));
        Window two = new Window("chat:2", 1, Duration.ofSeconds(1));
        assertThat(store.tryTake("tg", List.of(one), T0)).isZero();
        assertThat(store.tryTake("tg", List.of(two), T0)).isZero();
        assertThat(store.tryTake("dc", List.of(one), T0)).isZero();
    }

    @Test
    void pauseHoldsEverySenderOfTheScope() {
        store.pause("tg", Duration.ofSeconds(2), T0);
        assertThat(store.tryTake("tg", List.of(BOT), T0.plusMillis(500))).isEqualTo(Duration.ofMillis(1500));
        assertThat(store.tryTake("dc", List.of(BOT), T0.plusMillis(500))).isZero();
        assertThat(store.tryTake("tg", List.of(BOT), T0.plusSeconds(2))).isZero();
    }

    @Test
    void anUntilFinishedTakeCountsWhileInFlightAndForTheWindowAfterItFinished() {
        Window held = Window.untilFinished("bot", 2, Duration.ofSeconds(1));
        RateLimitStore.Take a = store.take("tg", List.of(held), T0, Duration.ofSeconds(30));
        RateLimitStore.Take b = store.take("tg", List.of(held), T0.plusMillis(10), Duration.ofSeconds(30));
        assertThat(a.isGranted()).isTrue();
        assertThat(b.isGranted()).isTrue();
        assertThat(a.id()).isNotEqualTo(b.id());
        // Both still in flight long after a take-counted window would have let a third go: ask again shortly.
        RateLimitStore.Take refused = store.take("tg", List.of(held), T0.plusSeconds(5), Duration.ofSeconds(30));
        assertThat(refused.isGranted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(RateLimitStore.IN_FLIGHT_RETRY);
        store.finish("tg", List.of(held), a.id(), T0.plusMillis(5_200));
        RateLimitStore.Take afterFinish = store.take("tg", List.of(held), T0.plusMillis(5_300), Duration.ofSeconds(30));
        assertThat(afterFinish.retryAfter()).as("counts a full window from its finish")
                .isBetween(Duration.ofMillis(900), Duration.ofMillis(901));
        assertThat(store.take("tg", List.of(held), T0.plusMillis(6_201), Duration.ofSeconds(30)).isGranted()).isTrue();
        store.finish("tg", List.of(held), "unknown", T0.plusMillis(6_300)); // ignored
    }

    @Test
    void aTakeWhoseCallerNeverFinishesIsReleasedAfterMaxFlightAndTheWindow() {
        Window held = Window.untilFinished("chat:42", 1, Duration.ofSeconds(1));
        assertThat(store.take("tg", List.of(held), T0, Duration.ofSeconds(3)).isGranted()).isTrue();
        assertThat(store.take("tg", List.of(held), T0.plusMillis(3_999), Duration.ofSeconds(3)).isGranted()).isFalse();
        assertThat(store.take("tg", List.of(held), T0.plusMillis(4_000), Duration.ofSeconds(3)).isGranted()).isTrue();
    }

    @Test
    void finishingLeavesTakeCountedWindowsAlone() {
        Window pace = new Window("pace", 1, Duration.ofMillis(100));
        Window held = Window.untilFinished("bot", 5, Duration.ofSeconds(1));
        RateLimitStore.Take a = store.take("tg", List.of(held, pace), T0, Duration.ofSeconds(30));
        store.finish("tg", List.of(held, pace), a.id(), T0.plusMillis(50));
        assertThat(store.take("tg", List.of(held, pace), T0.plusMillis(60), Duration.ofSeconds(30)).retryAfter())
                .isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void concurrentTakersNeverExceedTheLimit() throws Exception {
        Window wide = new Window("wide", 50, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    int taken = 0;
                    for (int i = 0; i < 40; i++) {
                        if (store.tryTake("tg", List.of(wide), T0.plusMillis(i)).isZero()) {
                            taken++;
                        }
                    }
                    return taken;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get();
            }
            assertThat(total).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }
}
