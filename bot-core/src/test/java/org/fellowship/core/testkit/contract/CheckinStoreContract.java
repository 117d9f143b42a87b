package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.fellowship.core.checkin.CheckinRecord;
import org.fellowship.core.checkin.CheckinStore;
import org.fellowship.core.checkin.CommunityCheckins;
import org.fellowship.core.checkin.DayLog;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link CheckinStore} must have. */
public abstract class CheckinStoreContract {
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");
    private static final ChatUserId KIM = new ChatUserId(Platform.TELEGRAM, "43");
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 8);
    private static final Instant T = Instant.parse("2026-03-08T19:00:00Z");

    /** A fresh, empty store (its own namespace). */
    protected abstract CheckinStore newStore();

    private static CheckinRecord full() {
        return CheckinRecord.fresh(SAM, LocalTime.of(20, 0), ZoneId.of("Europe/Berlin"), DAY)
                .withSchedule(true, LocalTime.of(20, 15), ZoneId.of("America/Argentina/Buenos_Aires"), DAY)
                .withPlace(GROUP, new ConversationId(Platform.TELEGRAM, "-1001")).withWeekly(true).withNudges(false)
                .promptedFor(DAY.plusDays(1), DAY).withAway(DAY.plusDays(9))
                .withMentor(new ChatUserId(Platform.TELEGRAM, "77"), true, "Sam | Ö").withSignalDay(DAY)
                .withNoteWindow(Instant.parse("2026-03-08T19:30:00Z"), DAY)
                .withLog(DayLog.startingOn(DAY).with(DAY, DayLog.answer(3, 8)).with(DAY.plusDays(2), DayLog.AWAY));
    }

    @Test
    void recordsRoundTripAndReplaceIsCompareAndSet() {
        CheckinStore store = newStore();
        assertThat(store.find(SAM)).isEmpty();
        CheckinRecord r = full();
        assertThat(store.replace(r, r, T)).as("nothing stored yet, so expecting a record fails").isFalse();
        assertThat(store.replace(null, r, T)).isTrue();
        assertThat(store.find(SAM)).contains(r);
        assertThat(store.replace(null, r, T)).as("already stored").isFalse();
        CheckinRecord off = r.withSchedule(false, r.time(), r.zone(), null);
        assertThat(store.replace(r, off, null)).isTrue();
        assertThat(store.replace(r, r, T)).as("stale expectation").isFalse();
        assertThat(store.find(SAM)).contains(off);
        CheckinRecord other = full().withPlace(null, new ConversationId(Platform.TELEGRAM, "-5"));
        assertThat(store.replace(off, other, null)).isTrue();
        assertThat(store.find(SAM)).contains(other);
    }

    @Test
    void dueListsIndexedMembersEarliestFirstAndHonoursRemoval() {
        CheckinStore store = newStore();
        CheckinRecord sam = full();
        CheckinRecord kim = CheckinRecord.fresh(KIM, LocalTime.of(8, 0), ZoneId.of("UTC"), DAY);
        store.replace(null, sam, T.plusSeconds(60));
        store.replace(null, kim, T);
        assertThat(store.nextEventAt()).contains(T);
        assertThat(store.due(T.minusSeconds(1), 10)).isEmpty();
        assertThat(store.due(T.plusSeconds(60), 10)).extracting(CheckinRecord::member).containsExactly(KIM, SAM);
        assertThat(store.due(T.plusSeconds(60), 1)).extracting(CheckinRecord::member).containsExactly(KIM);
        store.replace(kim, kim, null);
        assertThat(store.due(T.plusSeconds(60), 10)).extracting(CheckinRecord::member).containsExactly(SAM);
    }

    @Test
    void notesCountsAndCommunitySettings() {
        CheckinStore store = newStore();
        store.saveNote(SAM, DAY, "a good day");
        store.saveNote(SAM, DAY, "a good day, really");
        for (int i = 1; i <= 60; i++) {
            store.saveNote(SAM, DAY.plusDays(i), "n" + i);
        }
        assertThat(store.notes(SAM)).hasSize(48).doesNotContainKey(DAY).containsEntry(DAY.plusDays(60), "n60");
        assertThat(store.countCheckin(GROUP, DAY)).isEqualTo(1);
        assertThat(store.countCheckin(GROUP, DAY)).isEqualTo(2);
        assertThat(store.checkins(GROUP, DAY)).isEqualTo(2);
        assertThat(store.checkins(GROUP, DAY.plusDays(1))).isZero();
        assertThat(store.community(GROUP)).isEmpty();
        CommunityCheckins c = CommunityCheckins.defaults(GROUP).withDefaultTime(LocalTime.of(7, 30))
                .withSummary(true, new ConversationId(Platform.TELEGRAM, "-1001"), ZoneId.of("Europe/London"));
        store.saveCommunity(c);
        assertThat(store.community(GROUP)).contains(c);
    }

    @Test
    void exportShowsAndEraseRemovesEverythingAboutTheMember() {
        CheckinStore store = newStore();
        store.replace(null, full(), T);
        store.saveNote(SAM, DAY, "private words");
        store.replace(null, CheckinRecord.fresh(KIM, LocalTime.NOON, ZoneId.of("UTC"), DAY), T);
        assertThat(store.export(SAM)).containsKeys("checkin", "checkin-notes");
        assertThat(store.export(SAM).get("checkin-notes")).contains("private words");
        assertThat(store.erase(SAM)).isGreaterThanOrEqualTo(2);
        assertThat(store.find(SAM)).isEmpty();
        assertThat(store.notes(SAM)).isEmpty();
        assertThat(store.export(SAM)).isEmpty();
        assertThat(store.due(T, 10)).extracting(CheckinRecord::member).containsExactly(KIM);
    }
}
