package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.mentor.MentorAudit;
import org.fellowship.core.mentor.Mentor;
import org.fellowship.core.mentor.MentorStore.AlertState;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.mentor.QuietHours;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.Eventually;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link MentorStore} must have. */
public abstract class MentorStoreContract {
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");
    private static final ChatUserId ANA = new ChatUserId(Platform.TELEGRAM, "7");
    private static final ChatUserId BEN = new ChatUserId(Platform.TELEGRAM, "8");
    private static final Instant T0 = Instant.parse("2026-03-08T09:00:00Z");
    private static final AlertContext CONTEXT = new AlertContext("\u2026 I can't go on \"like\" this \u00f6 \ud83d\ude14",
            "https://t.me/c/123/45");

    /** A fresh, empty store (its own namespace). */
    protected abstract MentorStore newStore();

    /** Moves the store's clock on by {@code d} (never real waiting: every store expires on its clock). */
    protected abstract void letTimePass(Duration d);

    private static final Duration RETENTION = Duration.ofMinutes(10);

    private static MentorAlert fresh(String id, ChatUserId member) {
        return new MentorAlert(id, member, "Sam Ö", CrisisCategory.values()[0], CONTEXT, 1, AlertState.OPEN, null, null, T0, T0, 0);
    }

    @Test
    void rosterRoundTripsSortedAndLastWriteWins() {
        MentorStore store = newStore();
        assertThat(store.mentors()).isEmpty();
        assertThat(store.mentor(ANA)).isEmpty();
        store.saveMentor(new Mentor(BEN, "Ben", 2, false));
        store.saveMentor(new Mentor(ANA, "Ana Ö", 1, true));
        store.saveMentor(new Mentor(BEN, "Ben", 3, true));
        assertThat(store.mentors()).containsExactly(new Mentor(ANA, "Ana Ö", 1, true),
                new Mentor(BEN, "Ben", 3, true));
        assertThat(store.mentor(BEN)).contains(new Mentor(BEN, "Ben", 3, true));
    }

    @Test
    void mentorSettingsRoundTrip() {
        MentorStore store = newStore();
        Mentor full = new Mentor(ANA, "Ana", 2, true, 4,
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30)), Set.of("en", "de"));
        store.saveMentor(full);
        assertThat(store.mentor(ANA)).contains(full);
    }

    @Test
    void openAlertsListsOnlyUnresolvedOnes() {
        MentorStore store = newStore();
        MentorAlert a = store.openIfNone(fresh("a1", SAM));
        MentorAlert b = store.openIfNone(fresh("b1", ANA));
        store.update(a.with(1, AlertState.RESOLVED, BEN, "Ben", T0), Duration.ofHours(1)).orElseThrow();
        assertThat(store.openAlerts()).containsExactly(b);
    }

    @Test
    void auditTrailIsKeptPerAlertInOrder() {
        MentorStore store = newStore();
        MentorAudit opened = new MentorAudit(T0, "a1", MentorAudit.Action.OPENED, 1, null);
        MentorAudit paged = new MentorAudit(T0.plusMillis(5), "a1", MentorAudit.Action.PAGED, 1, ANA);
        store.audit(opened);
        store.audit(new MentorAudit(T0.plusMillis(2), "b1", MentorAudit.Action.OPENED, 1, null));
        store.audit(paged);
        assertThat(store.auditOf("a1")).containsExactly(opened, paged);
        assertThat(store.auditOf("zz")).isEmpty();
    }

    @Test
    void moderatorsChannelCanBeSetAndCleared() {
        MentorStore store = newStore();
        assertThat(store.moderatorsChannel(Platform.DISCORD)).isEmpty();
        ConversationId channel = new ConversationId(Platform.DISCORD, "123:456");
        store.setModeratorsChannel(Platform.DISCORD, channel);
        assertThat(store.moderatorsChannel(Platform.DISCORD)).contains(channel);
        assertThat(store.moderatorsChannel(Platform.TELEGRAM)).isEmpty();
        ConversationId telegram = new ConversationId(Platform.TELEGRAM, "-1001");
        store.setModeratorsChannel(Platform.TELEGRAM, telegram);
        assertThat(store.moderatorsChannel(Platform.TELEGRAM)).contains(telegram);
        assertThatThrownBy(() -> store.setModeratorsChannel(Platform.TELEGRAM, channel))
                .isInstanceOf(IllegalArgumentException.class);
        store.setModeratorsChannel(Platform.DISCORD, null);
        assertThat(store.moderatorsChannel(Platform.DISCORD)).isEmpty();
        assertThat(store.moderatorsChannel(Platform.TELEGRAM)).contains(telegram);
    }

    @Test
    void exportAndForgetCoverRosterEntryAndAlerts() {
        MentorStore store = newStore();
        store.saveMentor(new Mentor(SAM, "Sam", 1, true));
        store.saveMentor(new Mentor(ANA, "Ana", 1, true));
        MentorAlert old = store.openIfNone(fresh("a1", SAM));
        store.update(old.with(1, AlertState.RESOLVED, ANA, "Ana", T0), Duration.ofHours(1)).orElseThrow();
        store.openIfNone(fresh("a2", SAM));
        assertThat(store.export(SAM)).hasSize(3);
        assertThat(store.export(BEN)).isEmpty();

        assertThat(store.forget(SAM)).isEqualTo(3);
        assertThat(store.export(SAM)).isEmpty();
        assertThat(store.mentor(SAM)).isEmpty();
        assertThat(store.alert("a1")).isEmpty();
        assertThat(store.alert("a2")).isEmpty();
        assertThat(store.openAlertOf(SAM)).isEmpty();
        assertThat(store.mentor(ANA)).isPresent();
        assertThat(store.forget(SAM)).isZero();
    }

    @Test
    void sequenceAndRoundRobinCountPerTier() {
        MentorStore store = newStore();
        assertThat(store.nextAlertNumber()).isEqualTo(1);
        assertThat(store.nextAlertNumber()).isEqualTo(2);
        assertThat(store.nextTurn(1)).isZero();
        assertThat(store.nextTurn(1)).isEqualTo(1);
        assertThat(store.nextTurn(2)).isZero();
    }

    @Test
    void oneOpenAlertPerMemberUntilResolved() {
        MentorStore store = newStore();
        MentorAlert first = store.openIfNone(fresh("a1", SAM));
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first).isEqualTo(new MentorAlert("a1", SAM, "Sam Ö", CrisisCategory.values()[0], CONTEXT, 1, AlertState.OPEN, null,
                null, T0, T0, 1));
        assertThat(store.openIfNone(fresh("a2", SAM)).id()).isEqualTo("a1");
        assertThat(store.alert("a2")).isEmpty();
        assertThat(store.openAlertOf(SAM)).contains(first);

        MentorAlert resolved = store.update(first.with(1, AlertState.RESOLVED, ANA, "Ana", T0.plusSeconds(60)),
                Duration.ofHours(1)).orElseThrow();
        assertThat(resolved.revision()).isEqualTo(2);
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(store.openAlertOf(SAM)).isEmpty();
        assertThat(store.alert("a1")).contains(resolved);
        assertThat(store.openIfNone(fresh("a3", SAM)).id()).isEqualTo("a3");
    }

    @Test
    void alertRoundTripsWithMentorAndNullCategory() {
        MentorStore store = newStore();
        MentorAlert a = store.openIfNone(new MentorAlert("a9", SAM, null, null, AlertContext.NONE, 2, AlertState.OPEN, null, null, T0, T0, 0));
        MentorAlert taken = store.update(a.with(3, AlertState.TAKEN, BEN, "Ben Ö", T0.plusMillis(1234)),
                Duration.ofHours(1)).orElseThrow();
        assertThat(store.alert("a9")).contains(taken);
        assertThat(taken).isEqualTo(new MentorAlert("a9", SAM, null, null, null, 3, AlertState.TAKEN, BEN, "Ben Ö", T0,
                T0.plusMillis(1234), 2));
        assertThat(store.alert("nope")).isEmpty();
    }

    @Test
    void staleRevisionLosesTheCompareAndSet() {
        MentorStore store = newStore();
        MentorAlert a = store.openIfNone(fresh("a1", SAM));
        assertThat(store.update(a.with(1, AlertState.TAKEN, ANA, "Ana", T0), Duration.ofHours(1))).isPresent();
        assertThat(store.update(a.with(1, AlertState.TAKEN, BEN, "Ben", T0), Duration.ofHours(1))).isEmpty();
        assertThat(store.alert("a1").orElseThrow().mentor()).isEqualTo(ANA);
        assertThat(store.update(fresh("ghost", SAM), Duration.ofHours(1))).isEmpty();
        assertThat(store.alert("ghost")).isEmpty();
    }

    @Test
    void concurrentTakesHaveExactlyOneWinner() throws Exception {
        MentorStore store = newStore();
        MentorAlert a = store.openIfNone(fresh("a1", SAM));
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<MentorAlert>>> results = IntStream.range(0, racers).mapToObj(i -> pool.submit(() -> {
                go.await();
                ChatUserId m = new ChatUserId(Platform.TELEGRAM, "m" + i);
                return store.update(a.with(1, AlertState.TAKEN, m, "M" + i, T0), Duration.ofHours(1));
            })).toList();
            go.countDown();
            long winners = 0;
            for (Future<Optional<MentorAlert>> f : results) {
                winners += f.get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.alert("a1").orElseThrow().revision()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resolvedAlertsExpireButOpenOnesDoNot() {
        MentorStore store = newStore();
        MentorAlert a = store.openIfNone(fresh("a1", SAM));
        MentorAlert b = store.openIfNone(fresh("b1", ANA));
        MentorAlert resolved = store.update(a.with(1, AlertState.RESOLVED, BEN, "Ben", T0), RETENTION).orElseThrow();
        store.update(b.with(1, AlertState.ACKNOWLEDGED, BEN, "Ben", T0), RETENTION).orElseThrow();
        letTimePass(RETENTION.minusMillis(1));
        assertThat(store.alert("a1")).as("kept until its retention ends").contains(resolved);
        assertThat(store.export(SAM)).containsKey("mentor alert a1");
        letTimePass(Duration.ofMillis(1));
        assertThat(store.alert("a1")).isEmpty();
        assertThat(store.export(SAM)).doesNotContainKey("mentor alert a1");
        assertThat(store.update(resolved.with(1, AlertState.RESOLVED, BEN, "Ben", T0), RETENTION))
                .as("an expired alert cannot be changed").isEmpty();
        letTimePass(RETENTION.multipliedBy(3));
        assertThat(store.alert("b1")).isPresent();
        assertThat(store.openAlertOf(ANA)).isPresent();
    }

    @Test
    void theLastFlaggedContextIsKeptBrieflyReplacedAndErased() {
        MentorStore store = newStore();
        assertThat(store.lastFlagged(SAM)).isEmpty();
        store.rememberFlagged(SAM, new AlertContext("first", null), Duration.ofHours(1));
        store.rememberFlagged(SAM, CONTEXT, Duration.ofHours(1));
        assertThat(store.lastFlagged(SAM)).contains(CONTEXT);
        assertThat(store.lastFlagged(ANA)).isEmpty();
        assertThat(store.export(SAM)).containsKey("last flagged message context");
        assertThat(store.forget(SAM)).isEqualTo(1);
        assertThat(store.lastFlagged(SAM)).isEmpty();
        assertThat(store.export(SAM)).isEmpty();

        store.rememberFlagged(ANA, CONTEXT, RETENTION);
        letTimePass(RETENTION.minusMillis(1));
        assertThat(store.lastFlagged(ANA)).contains(CONTEXT);
        letTimePass(Duration.ofMillis(1));
        assertThat(store.lastFlagged(ANA)).isEmpty();
        assertThat(store.export(ANA)).doesNotContainKey("last flagged message context");
    }

    @Test
    void aClaimCodeClaimsOneGroupOnceAndClaimsCanBeUndone() {
        MentorStore store = newStore();
        org.fellowship.core.model.CommunityId group = new org.fellowship.core.model.CommunityId(
                org.fellowship.core.model.Platform.TELEGRAM, "-1001");
        org.fellowship.core.model.CommunityId other = new org.fellowship.core.model.CommunityId(
                org.fellowship.core.model.Platform.DISCORD, "81");
        assertThat(store.claimedCommunities()).isEmpty();
        String code = store.claimCode("FIRSTCODE");
        assertThat(code).isEqualTo("FIRSTCODE");
        assertThat(store.claimCode("IGNORED")).as("one code for every instance").isEqualTo("FIRSTCODE");
        assertThat(store.claim(group, "WRONG", "NEXT")).isFalse();
        assertThat(store.claim(group, "FIRSTCODE", "SECONDCODE")).isTrue();
        assertThat(store.claim(other, "FIRSTCODE", "THIRD")).as("used up").isFalse();
        assertThat(store.claimCode("X")).isEqualTo("SECONDCODE");
        assertThat(store.claimedCommunities()).containsExactly(group);
        assertThat(store.unclaim(group)).isTrue();
        assertThat(store.unclaim(group)).isFalse();
        assertThat(store.claimedCommunities()).isEmpty();
    }
}
