package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fellowship.core.schedule.ClaimedItem;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link DueQueue} must have. Subclasses supply a fresh, empty queue. */
public abstract class DueQueueContract {
    protected static final Instant T0 = Instant.parse("2026-03-08T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private DueQueue queue;

    /** A new queue with nothing in it. */
    protected abstract DueQueue newQueue();

    @BeforeEach
    void setUpQueue() {
        queue = newQueue();
    }

    private static DueItem item(String id, Instant at) {
        return new DueItem(id, "test", at, "{\"n\":\"" + id + "\"}");
    }

    @Test
    void claimsOnlyDueItemsEarliestFirst() {
        queue.schedule(item("late", T0.plusSeconds(30)));
        queue.schedule(item("early", T0.minusSeconds(30)));
        queue.schedule(item("now", T0));
        queue.schedule(item("future", T0.plusSeconds(3600)));

        List<ClaimedItem> claimed = queue.claim(T0.plusSeconds(30), 10, LEASE);

        assertThat(claimed).extracting(c -> c.item().id()).containsExactly("early", "now", "late");
        assertThat(claimed.get(0).item().payload()).isEqualTo("{\"n\":\"early\"}");
        assertThat(claimed.get(0).item().dueAt()).isEqualTo(T0.minusSeconds(30));
        assertThat(claimed).allSatisfy(c -> {
            assertThat(c.attempt()).isEqualTo(1);
            assertThat(c.leaseExpires()).isEqualTo(T0.plusSeconds(30).plus(LEASE));
        });
        assertThat(queue.size()).isEqualTo(4);
    }

    @Test
    void claimRespectsTheBatchLimit() {
        for (int i = 0; i < 10; i++) {
            queue.schedule(item("i" + i, T0.plusMillis(i)));
        }
        assertThat(queue.claim(T0.plusSeconds(1), 4, LEASE)).hasSize(4);
        assertThat(queue.claim(T0.plusSeconds(1), 4, LEASE)).hasSize(4);
        assertThat(queue.claim(T0.plusSeconds(1), 4, LEASE)).hasSize(2);
        assertThat(queue.claim(T0.plusSeconds(1), 4, LEASE)).isEmpty();
    }

    @Test
    void leasedItemIsNotClaimedAgainBeforeTheLeaseExpires() {
        queue.schedule(item("a", T0));
        assertThat(queue.claim(T0, 10, LEASE)).hasSize(1);
        assertThat(queue.claim(T0.plusSeconds(59), 10, LEASE)).isEmpty();
    }

    @Test
    void expiredLeaseIsReclaimedAndTheOldHolderCannotComplete() {
        queue.schedule(item("a", T0));
        ClaimedItem first = queue.claim(T0, 10, LEASE).get(0);

        List<ClaimedItem> again = queue.claim(T0.plus(LEASE).plusSeconds(1), 10, LEASE);

        assertThat(again).hasSize(1);
        ClaimedItem second = again.get(0);
        assertThat(second.item().id()).isEqualTo("a");
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.leaseToken()).isNotEqualTo(first.leaseToken());
        assertThat(queue.complete(first)).as("stale lease").isFalse();
        assertThat(queue.complete(second)).isTrue();
        assertThat(queue.size()).isZero();
    }

    @Test
    void completedIdempotencyKeyStopsASecondDelivery() {
        queue.schedule(item("checkin:tg:42:2026-03-08", T0));
        ClaimedItem claimed = queue.claim(T0, 10, LEASE).get(0);
        assertThat(queue.complete(claimed)).isTrue();

        assertThat(queue.isDone("checkin:tg:42:2026-03-08")).isTrue();
        assertThat(queue.schedule(item("checkin:tg:42:2026-03-08", T0.plusSeconds(5)))).isFalse();
        assertThat(queue.claim(T0.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
        assertThat(queue.complete(claimed)).as("second completion").isFalse();
    }

    @Test
    void schedulingAPendingIdTwiceKeepsOneItem() {
        assertThat(queue.schedule(item("a", T0))).isTrue();
        assertThat(queue.schedule(item("a", T0.plusSeconds(60)))).isFalse();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.nextDueAt()).contains(T0);
    }

    @Test
    void retryPutsTheItemBackAtTheGivenTime() {
        queue.schedule(item("a", T0));
        ClaimedItem claimed = queue.claim(T0, 10, LEASE).get(0);
        assertThat(queue.retry(claimed, T0.plusSeconds(300))).isTrue();

        assertThat(queue.claim(T0.plusSeconds(299), 10, LEASE)).isEmpty();
        List<ClaimedItem> again = queue.claim(T0.plusSeconds(300), 10, LEASE);
        assertThat(again).extracting(ClaimedItem::attempt).containsExactly(2);
        assertThat(queue.isDone("a")).isFalse();
    }

    @Test
    void cancelAndRescheduleAffectOnlyPendingItems() {
        queue.schedule(item("a", T0));
        queue.schedule(item("b", T0));
        assertThat(queue.reschedule("a", T0.plusSeconds(600))).isTrue();
        assertThat(queue.cancel("missing")).isFalse();
        ClaimedItem b = queue.claim(T0, 10, LEASE).get(0);
        assertThat(b.item().id()).isEqualTo("b");
        assertThat(queue.cancel("b")).as("leased items are not cancelled under a worker").isFalse();
        assertThat(queue.cancel("a")).isTrue();
        assertThat(queue.nextDueAt()).contains(T0.plus(LEASE));
        assertThat(queue.claim(T0.plusSeconds(59), 10, LEASE)).as("a cancelled, b still leased").isEmpty();
        assertThat(queue.size()).isEqualTo(1);
    }

    private static DueItem item(String id, Instant at, DueLane lane) {
        return item(id, at).on(lane);
    }

    @Test
    void eachLaneIsClaimedOnItsOwn() {
        for (int i = 0; i < 5; i++) {
            queue.schedule(item("bulk" + i, T0.minusSeconds(60 - i), DueLane.BULK));
        }
        queue.schedule(item("crisis", T0, DueLane.CRISIS));
        queue.schedule(item("plain", T0.plusSeconds(1)));

        assertThat(queue.claim(DueLane.CRISIS, T0.plusSeconds(5), 10, LEASE))
                .singleElement().satisfies(c -> {
                    assertThat(c.item().id()).isEqualTo("crisis");
                    assertThat(c.item().lane()).isEqualTo(DueLane.CRISIS);
                });
        assertThat(queue.claim(DueLane.FETCH, T0.plusSeconds(5), 10, LEASE)).isEmpty();
        assertThat(queue.claim(DueLane.DEFAULT, T0.plusSeconds(5), 10, LEASE)).extracting(c -> c.item().id())
                .containsExactly("plain");
        assertThat(queue.claim(DueLane.BULK, T0.plusSeconds(5), 2, LEASE)).extracting(c -> c.item().id())
                .containsExactly("bulk0", "bulk1");
        assertThat(queue.size()).isEqualTo(7);
        assertThat(queue.nextDueAt()).as("earliest over all lanes").contains(T0.minusSeconds(58));
    }

    @Test
    void anIdPendingOnOneLaneIsNotScheduledOnAnother() {
        assertThat(queue.schedule(item("a", T0, DueLane.CRISIS))).isTrue();
        assertThat(queue.schedule(item("a", T0, DueLane.BULK))).isFalse();
        assertThat(queue.claim(DueLane.BULK, T0, 10, LEASE)).isEmpty();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void rescheduleRetryCancelAndCompleteWorkOnEveryLane() {
        queue.schedule(item("a", T0, DueLane.CRISIS));
        queue.schedule(item("b", T0, DueLane.FETCH));
        assertThat(queue.reschedule("a", T0.plusSeconds(30))).isTrue();
        assertThat(queue.claim(DueLane.CRISIS, T0.plusSeconds(29), 10, LEASE)).isEmpty();
        ClaimedItem a = queue.claim(DueLane.CRISIS, T0.plusSeconds(30), 10, LEASE).get(0);
        assertThat(a.item().dueAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(queue.retry(a, T0.plusSeconds(90))).isTrue();
        assertThat(queue.claim(DueLane.DEFAULT, T0.plusSeconds(90), 10, LEASE)).as("stays on its lane").isEmpty();
        ClaimedItem again = queue.claim(DueLane.CRISIS, T0.plusSeconds(90), 10, LEASE).get(0);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(queue.complete(again)).isTrue();
        assertThat(queue.isDone("a")).isTrue();
        assertThat(queue.cancel("b")).isTrue();
        assertThat(queue.size()).isZero();
        assertThat(queue.nextDueAt()).isEmpty();
    }

    @Test
    void aRenewedLeaseKeepsTheItemFromEveryoneElse() {
        queue.schedule(item("long", T0, DueLane.BULK));
        ClaimedItem held = queue.claim(DueLane.BULK, T0, 10, LEASE).get(0);

        assertThat(queue.renew(held, T0.plus(LEASE.multipliedBy(3)))).isTrue();

        assertThat(queue.claim(DueLane.BULK, T0.plus(LEASE).plusSeconds(1), 10, LEASE)).as("renewed").isEmpty();
        assertThat(queue.nextDueAt()).contains(T0.plus(LEASE.multipliedBy(3)));
        assertThat(queue.complete(held)).as("the holder still owns it").isTrue();
        assertThat(queue.renew(held, T0.plus(LEASE.multipliedBy(4)))).as("finished: nothing to renew").isFalse();
    }

    @Test
    void aLeaseReclaimedByAnotherWorkerCannotBeRenewed() {
        queue.schedule(item("a", T0));
        ClaimedItem first = queue.claim(T0, 10, LEASE).get(0);
        ClaimedItem second = queue.claim(T0.plus(LEASE), 10, LEASE).get(0);

        assertThat(queue.renew(first, T0.plus(LEASE.multipliedBy(5)))).isFalse();
        assertThat(queue.claim(T0.plus(LEASE.multipliedBy(2)), 10, LEASE)).as("the new holder's lease stands")
                .extracting(c -> c.attempt()).containsExactly(3);
        assertThat(queue.renew(second, T0.plus(LEASE.multipliedBy(5)))).as("reclaimed again meanwhile").isFalse();
    }

    private static final org.fellowship.core.model.ChatUserId SAM =
            new org.fellowship.core.model.ChatUserId(org.fellowship.core.model.Platform.TELEGRAM, "42");
    private static final org.fellowship.core.model.ChatUserId KIM =
            new org.fellowship.core.model.ChatUserId(org.fellowship.core.model.Platform.DISCORD, "42");

    @Test
    void itemsAboutAMemberAreListedAndForgottenPendingOrLeased() {
        queue.schedule(item("ms:tg:42:a", T0.minusSeconds(1)).about(SAM));
        queue.schedule(item("crisis.followup:tg:42:1", T0.plusSeconds(60), DueLane.CRISIS).about(SAM));
        queue.schedule(item("mrem:tg:42:x", T0.plusSeconds(3600)).about(SAM));
        queue.schedule(item("mrem:dc:42:x", T0).about(KIM));
        queue.schedule(item("wave", T0));
        ClaimedItem leased = queue.claim(T0, 1, LEASE).get(0);
        assertThat(leased.item().subject()).as("claimed with its subject").isEqualTo(SAM);

        assertThat(queue.about(SAM)).extracting(DueItem::id)
                .containsExactlyInAnyOrder("ms:tg:42:a", "crisis.followup:tg:42:1", "mrem:tg:42:x");
        assertThat(queue.about(SAM)).allSatisfy(i -> assertThat(i.subject()).isEqualTo(SAM));
        assertThat(queue.forget(SAM)).isEqualTo(3);

        assertThat(queue.about(SAM)).isEmpty();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.complete(leased)).as("its worker can no longer finish it").isFalse();
        assertThat(queue.claim(DueLane.CRISIS, T0.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
        assertThat(queue.claim(T0.plus(Duration.ofDays(1)), 10, LEASE)).extracting(c -> c.item().id())
                .containsExactlyInAnyOrder("mrem:dc:42:x", "wave");
        assertThat(queue.forget(SAM)).as("repeatable").isZero();
    }

    @Test
    void finishedOrCancelledItemsLeaveTheMembersIndex() {
        queue.schedule(item("a", T0).about(SAM));
        queue.schedule(item("b", T0.plusSeconds(10)).about(SAM));
        queue.schedule(item("c", T0.plusSeconds(20)).about(SAM));
        assertThat(queue.complete(queue.claim(T0, 1, LEASE).get(0))).isTrue();
        assertThat(queue.cancel("b")).isTrue();

        assertThat(queue.about(SAM)).extracting(DueItem::id).containsExactly("c");
        ClaimedItem c = queue.claim(T0.plusSeconds(20), 1, LEASE).get(0);
        assertThat(queue.retry(c, T0.plusSeconds(30))).isTrue();
        assertThat(queue.about(SAM)).as("a retried item is still about them").extracting(DueItem::id)
                .containsExactly("c");
        assertThat(queue.asEraser().export(SAM)).containsOnlyKeys("scheduled:c");
        assertThat(queue.asEraser().erase(SAM)).isEqualTo(1);
        assertThat(queue.asEraser().holdsAnything(SAM)).isFalse();
    }

    @Test
    void nextDueAtIsEmptyForAnEmptyQueue() {
        assertThat(queue.nextDueAt()).isEmpty();
        assertThat(queue.size()).isZero();
    }

    @Test
    void twoConcurrentWorkersNeverClaimTheSameItem() throws Exception {
        int items = 2_000;
        for (int i = 0; i < items; i++) {
            queue.schedule(item("c" + i, T0.plusMillis(i % 97)));
        }
        // Both workers hold a first batch before either goes on, so the race below really has two sides even on
        // a busy machine where one thread could otherwise drain the queue before the other starts.
        java.util.concurrent.CountDownLatch bothStarted = new java.util.concurrent.CountDownLatch(2);
        Callable<List<String>> worker = () -> {
            List<String> mine = new ArrayList<>();
            while (true) {
                List<ClaimedItem> batch = queue.claim(T0.plusSeconds(1), 25, LEASE);
                if (mine.isEmpty() && !batch.isEmpty()) {
                    bothStarted.countDown();
                    bothStarted.await(org.fellowship.core.testkit.Eventually.PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                }
                if (batch.isEmpty()) {
                    return mine;
                }
                for (ClaimedItem c : batch) {
                    mine.add(c.item().id());
                    assertThat(queue.complete(c)).isTrue();
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> a = pool.submit(worker);
            Future<List<String>> b = pool.submit(worker);
            List<String> first = a.get();
            List<String> second = b.get();
            Set<String> overlap = new HashSet<>(first);
            overlap.retainAll(second);
            assertThat(overlap).as("items claimed by both workers").isEmpty();
            Set<String> all = new HashSet<>(first);
            all.addAll(second);
            assertThat(all).hasSize(items);
            assertThat(first.size() + second.size()).isEqualTo(items);
            assertThat(Collections.min(List.of(first.size(), second.size()))).as("both workers got work").isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(queue.size()).isZero();
    }
}
