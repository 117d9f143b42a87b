package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.GatewayException;
import org.junit.jupiter.api.Test;

class TelegramRateLimiterTest {
    private static final Clock CLOCK = Clock.systemUTC();

    private static long millis(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void privateChatsAreSpacedButIndependent() {
        TelegramRateLimiter limiter = new TelegramRateLimiter(new RateLimits(1000, Duration.ofSeconds(1),
                Duration.ofMillis(100), 20, Duration.ofSeconds(60), Duration.ofSeconds(5)), CLOCK);
        long sameChat = millis(() -> {
            for (int i = 0; i < 3; i++) {
                limiter.acquire("42", true, Priority.NORMAL).close();
            }
        });
        assertThat(sameChat).isGreaterThanOrEqualTo(190);
        long distinctChats = millis(() -> {
            for (int i = 0; i < 10; i++) {
                limiter.acquire("u" + i, true, Priority.NORMAL).close();
            }
        });
        // Upper bounds only catch broken logic, with wide margins: a loaded CI machine must not fail this.
        assertThat(distinctChats).as("10 chats spaced 100 ms would take >= 900 ms").isLessThan(900);
    }

    @Test
    void groupsHaveASlidingWindow() {
        TelegramRateLimiter limiter = new TelegramRateLimiter(new RateLimits(1000, Duration.ofSeconds(1),
                Duration.ofMillis(1), 3, Duration.ofMillis(300), Duration.ofSeconds(5)), CLOCK);
        long firstThree = millis(() -> {
            for (int i = 0; i < 3; i++) {
                limiter.acquire("-100", false, Priority.NORMAL).close();
            }
        });
        long fourth = millis(() -> limiter.acquire("-100", false, Priority.NORMAL).close());
        assertThat(fourth).isGreaterThanOrEqualTo(150);
        assertThat(firstThree).as("the first three fit the window").isLessThan(fourth);
    }

    @Test
    void botWideSpacingAndBackOff() {
        TelegramRateLimiter limiter = new TelegramRateLimiter(new RateLimits(5, Duration.ofMillis(250),
                Duration.ZERO, 20, Duration.ofSeconds(60), Duration.ofSeconds(5)), CLOCK);
        long ten = millis(() -> {
            for (int i = 0; i < 10; i++) {
                limiter.acquire("c" + i, true, Priority.NORMAL).close();
            }
        });
        assertThat(ten).as("5 per 250 ms").isGreaterThanOrEqualTo(200L);
        limiter.backOff(Duration.ofMillis(300));
        assertThat(millis(() -> limiter.acquire("x", true, Priority.NORMAL).close())).isGreaterThanOrEqualTo(250);
    }

    @Test
    void urgentOvertakesQueuedBulk() throws Exception {
        TelegramRateLimiter limiter = new TelegramRateLimiter(new RateLimits(1, Duration.ofMillis(400),
                Duration.ZERO, 20, Duration.ofSeconds(60), Duration.ofSeconds(5)), CLOCK);
        limiter.acquire("warmup", true, Priority.NORMAL).close();
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch bulkQueued = new CountDownLatch(3);
        List<Thread> bulk = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String chat = "b" + i;
            Thread t = new Thread(() -> {
                bulkQueued.countDown();
                limiter.acquire(chat, true, Priority.BULK).close();
                order.add("bulk");
            });
            t.start();
            bulk.add(t);
        }
        bulkQueued.await();
        Thread.sleep(50);
        Thread urgent = new Thread(() -> {
            limiter.acquire("crisis", true, Priority.URGENT).close();
            order.add("urgent");
        });
        urgent.start();
        urgent.join(5000);
        for (Thread t : bulk) {
            t.join(5000);
        }
        assertThat(order).hasSize(4);
        assertThat(order.get(0)).isEqualTo("urgent");
    }

    @Test
    void givesUpAfterMaxWait() {
        TelegramRateLimiter limiter = new TelegramRateLimiter(new RateLimits(1, Duration.ofSeconds(10),
                Duration.ZERO, 20, Duration.ofSeconds(60), Duration.ofMillis(100)), CLOCK);
        limiter.acquire("a", true, Priority.NORMAL).close();
        assertThatThrownBy(() -> limiter.acquire("b", true, Priority.NORMAL))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(GatewayException.Reason.RATE_LIMITED);
    }
}
