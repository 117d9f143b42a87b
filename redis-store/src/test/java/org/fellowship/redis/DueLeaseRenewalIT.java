package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueMetrics;
import org.fellowship.core.schedule.DueRunner;
import org.fellowship.core.schedule.DueWorker;
import org.fellowship.core.schedule.NoPayload;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances over one Redis due-queue. Instance A claims a batch whose first item runs far longer than the lease
 * (a 10,000-prompt wave at the platform's rate): while it runs, A's lease renewal keeps every item of the batch its
 * own, so instance B, polling all along, claims nothing and no item runs twice.
 */
class DueLeaseRenewalIT {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Instant T0 = Instant.parse("2026-03-08T20:00:00Z");
    private static final long WAIT = 60; // seconds a latch may take on a loaded machine; never a timing assertion

    private final KeySchema keys = RedisTestServer.freshKeys();
    private final MutableClock clock = new MutableClock(T0);
    private final RedisStore storeA = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(1), clock);
    private final RedisStore storeB = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(1), clock);
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final CountDownLatch longStarted = new CountDownLatch(1);
    private final CountDownLatch longMayFinish = new CountDownLatch(1);
    private DueRunner runnerA;

    @AfterEach
    void close() {
        longMayFinish.countDown();
        if (runnerA != null) {
            runnerA.close();
        }
        storeA.close();
        storeB.close();
    }

    /** Counts runs per id; {@code long} items wait at the gate (only the first run: a second one must not wait). */
    private DueHandler<NoPayload> handler(String kind) {
        return new DueHandler<>() {
            @Override
            public DueKind<NoPayload> kind() {
                return DueKind.withoutPayload(kind);
            }

            @Override
            public void run(DueItem item, NoPayload none) {
                int n = runs.computeIfAbsent(item.id(), id -> new AtomicInteger()).incrementAndGet();
                if (kind.equals("long") && n == 1) {
                    longStarted.countDown();
                    try {
                        longMayFinish.await(WAIT, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }

    private DueWorker worker(RedisStore store) {
        return new DueWorker(store.dueQueue(), Map.of("long", handler("long"), "small", handler("small")), clock,
                LEASE, 100, DueMetrics.NONE);
    }

    private void scheduleBatch() {
        storeA.dueQueue().schedule(new DueItem("wave", "long", T0.minusSeconds(10), ""));
        for (int i = 1; i <= 3; i++) {
            storeA.dueQueue().schedule(new DueItem("item" + i, "small", T0.minusSeconds(5).plusMillis(i), ""));
        }
    }

    @Test
    void renewedLeasesKeepALongItemAndTheRestOfItsBatchFromRunningTwice() throws Exception {
        scheduleBatch();
        DueWorker a = worker(storeA);
        DueWorker b = worker(storeB);
        runnerA = DueRunner.start(a, Duration.ofDays(1)); // polls and renews only when told to

        CompletableFuture<Integer> batch = runnerA.poll(DueLane.DEFAULT);
        assertThat(longStarted.await(WAIT, TimeUnit.SECONDS)).isTrue();
        // Ten minutes pass while the long item runs, five leases' worth; A renews every 40 s like the runner does.
        for (int step = 0; step < 15; step++) {
            clock.advance(LEASE.dividedBy(3));
            assertThat(runnerA.renewNow().get(WAIT, TimeUnit.SECONDS)).as("held: the long item and three waiting")
                    .isEqualTo(4);
            assertThat(b.runDue()).as("instance B claims nothing at " + clock.instant()).isZero();
        }
        longMayFinish.countDown();

        assertThat(batch.get(WAIT, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(runs).containsOnlyKeys("wave", "item1", "item2", "item3");
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).as("runs").isEqualTo(1));
        assertThat(storeA.dueQueue().size()).isZero();
        assertThat(a.held()).isZero();
    }

    @Test
    void withoutRenewalTheWaitingItemsGoToTheOtherInstanceAndTheFirstDoesNotStartThemAgain() throws Exception {
        scheduleBatch();
        DueWorker a = worker(storeA);
        DueWorker b = worker(storeB);
        runnerA = DueRunner.start(a, Duration.ofDays(1));

        CompletableFuture<Integer> batch = runnerA.poll(DueLane.DEFAULT);
        assertThat(longStarted.await(WAIT, TimeUnit.SECONDS)).isTrue();
        clock.advance(LEASE.plusSeconds(1)); // A's process stalled: no renewal
        assertThat(b.runDue()).as("B reclaims the expired leases").isEqualTo(4);
        longMayFinish.countDown();
        batch.get(WAIT, TimeUnit.SECONDS);

        assertThat(List.of("item1", "item2", "item3")).allSatisfy(id ->
                assertThat(runs.get(id).get()).as(id + " ran by B only; A saw its lease had run out").isEqualTo(1));
        // The item already running when its lease ran out ran twice: that is why every handler that sends records
        // its delivery before sending.
        assertThat(runs.get("wave").get()).isEqualTo(2);
    }
}
