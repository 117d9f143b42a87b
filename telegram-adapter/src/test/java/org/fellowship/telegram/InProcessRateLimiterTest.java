package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.testkit.Eventually;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The in-process limiter on a fake clock: a sender's wait moves the clock instead of blocking, so every time below is
 * simulated and exact, whatever the machine's load. The one test with several threads blocks for real but keeps the
 * clock still until every sender has queued, and moves it by hand.
 */
class InProcessRateLimiterTest {
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    /** Waiting moves the clock by the time the limiter would wait. */
    private final InProcessRateLimiter.Waiting simulated = (changed, atMost) -> clock.advance(atMost);

    private InProcessRateLimiter limiter(RateLimits limits) {
        return new InProcessRateLimiter(limits, clock, simulated);
    }

    /** The simulated time {@code r} took. */
    private Duration took(Runnable r) {
        Instant start = clock.instant();
        r.run();
        return Duration.between(start, clock.instant());
    }

    @Test
    void privateChatsAreSpacedButIndependent() {
        InProcessRateLimiter limiter = limiter(new RateLimits(1000, Duration.ofSeconds(1),
                Duration.ofMillis(100), 20, Duration.ofSeconds(60), Duration.ofSeconds(5)));
        Duration sameChat = took(() -> {
            for (int i = 0; i < 3; i++) {
                limiter.acquire("42", true, Priority.NORMAL).close();
            }
        });
        assertThat(sameChat).as("one chat: 100 ms after each answer").isEqualTo(Duration.ofMillis(200));
        Duration distinctChats = took(() -> {
            for (int i = 0; i < 10; i++) {
                limiter.acquire("u" + i, true, Priority.NORMAL).close();
            }
        });
        assertThat(distinctChats).as("ten chats: only the bot-wide 1 ms pace").isLessThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void groupsHaveASlidingWindow() {
        InProcessRateLimiter limiter = limiter(new RateLimits(1000, Duration.ofSeconds(1),
                Duration.ofMillis(1), 3, Duration.ofMillis(300), Duration.ofSeconds(5)));
        Instant start = clock.instant();
        for (int i = 0; i < 3; i++) {
            limiter.acquire("-100", false, Priority.NORMAL).close();
        }
        assertThat(Duration.between(start, clock.instant())).as("the first three fit the window")
                .isLessThan(Duration.ofMillis(10));
        limiter.acquire("-100", false, Priority.NORMAL).close();
        assertThat(clock.instant()).as("the fourth when the first left the window").isEqualTo(start.plusMillis(300));
    }

    @Test
    void botWideSpacingAndBackOff() {
        InProcessRateLimiter limiter = limiter(new RateLimits(5, Duration.ofMillis(250),
                Duration.ZERO, 20, Duration.ofSeconds(60), Duration.ofSeconds(5)));
        List<Instant> granted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            limiter.acquire("c" + i, true, Priority.NORMAL).close();
            granted.add(clock.instant());
        }
        for (int i = 1; i < granted.size(); i++) {
            assertThat(Duration.between(granted.get(i - 1), granted.get(i))).as("5 per 250 ms, evenly spaced")
                    .isEqualTo(Duration.ofMillis(50));
        }
        limiter.backOff(Duration.ofMillis(300));
        assertThat(took(() -> limiter.acquire("x", true, Priority.NORMAL).close())).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void givesUpAfterMaxWait() {
        InProcessRateLimiter limiter = limiter(new RateLimits(1, Duration.ofSeconds(10),
                Duration.ZERO, 20, Duration.ofSeconds(60), Duration.ofMillis(100)));
        limiter.acquire("a", true, Priority.NORMAL).close();
        Instant start = clock.instant();
        assertThatThrownBy(() -> limiter.acquire("b", true, Priority.NORMAL))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(GatewayException.Reason.RATE_LIMITED);
        assertThat(clock.instant()).as("after max-wait on the clock").isEqualTo(start.plusMillis(100));
    }

    @Test
    void urgentOvertakesQueuedBulk() throws Exception {
        // Real threads blocking for real; the clock moves only when the test moves it.
        InProcessRateLimiter limiter = new InProcessRateLimiter(new RateLimits(1, Duration.ofMillis(400),
                Duration.ZERO, 20, Duration.ofSeconds(60), Duration.ofSeconds(5)), clock);
        limiter.acquire("warmup", true, Priority.NORMAL).close();
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String chat = "b" + i;
            senders.add(start(() -> {
                limiter.acquire(chat, true, Priority.BULK).close();
                order.add("bulk");
            }));
        }
        Eventually.until("three bulk senders queued", () -> limiter.waiting() == 3);
        senders.add(start(() -> {
            limiter.acquire("crisis", true, Priority.URGENT).close();
            order.add("urgent");
        }));
        Eventually.until("the urgent sender queued", () -> limiter.waiting() == 4);
        // One slot every 400 ms: open them one at a time.
        while (order.size() < 4) {
            int before = order.size();
            clock.advance(Duration.ofMillis(400));
            Eventually.until("the next sender to go", () -> order.size() > before);
        }
        for (Thread t : senders) {
            t.join(Eventually.PATIENCE.toMillis());
        }
        assertThat(order).containsExactly("urgent", "bulk", "bulk", "bulk");
    }

    private static Thread start(Runnable r) {
        Thread t = new Thread(r, "sender");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
