package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.MeetingStore;
import org.fellowship.core.meeting.ReminderSubscription;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link MeetingStore} must have. */
public abstract class MeetingStoreContract {
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    private static final CommunityId OTHER = new CommunityId(Platform.DISCORD, "900");

    /** The clock the store under test reads (drafts expire on it). */
    protected final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");

    protected abstract MeetingStore newStore();

    static Meeting meeting(String slug, String name) {
        return new Meeting(slug, name, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(19, 30),
                Duration.ofMinutes(90), ZoneId.of("Europe/Berlin"), "https://meet.example/" + slug, "Hall 2",
                List.of("O", "D"), "Step study \"quoted\"\nsecond line");
    }

    @Test
    void meetingsRoundTripOrderedBySlugAndPerCommunity() {
        MeetingStore store = newStore();
        assertThat(store.meetings(GROUP)).isEmpty();
        Meeting b = meeting("b-step", "Step study");
        Meeting a = meeting("a-basic", "Basic text");
        store.saveAll(GROUP, List.of(b, a));
        assertThat(store.meetings(GROUP)).containsExactly(a, b);
        assertThat(store.meeting(GROUP, "b-step")).contains(b);
        assertThat(store.meetings(OTHER)).isEmpty();

        Meeting renamed = new Meeting("a-basic", "Basic text (new room)", Set.of(DayOfWeek.SUNDAY), LocalTime.of(8, 0),
                Duration.ofMinutes(60), ZoneId.of("America/New_York"), null, null, List.of(), null);
        store.saveAll(GROUP, List.of(renamed));
        assertThat(store.meetings(GROUP)).containsExactly(renamed, b);

        assertThat(store.remove(GROUP, "a-basic")).isTrue();
        assertThat(store.remove(GROUP, "a-basic")).isFalse();
        assertThat(store.meetings(GROUP)).containsExactly(b);
    }

    @Test
    void settingsPerCommunity() {
        MeetingStore store = newStore();
        assertThat(store.zone(GROUP)).isEmpty();
        assertThat(store.feedUrl(GROUP)).isEmpty();
        store.setZone(GROUP, ZoneId.of("America/Edmonton"));
        store.setFeedUrl(GROUP, "https://example.org/meetings.json");
        assertThat(store.zone(GROUP)).contains(ZoneId.of("America/Edmonton"));
        assertThat(store.feedUrl(GROUP)).contains("https://example.org/meetings.json");
        assertThat(store.zone(OTHER)).isEmpty();

        assertThat(store.feedSlugs(GROUP)).isEmpty();
        store.setFeedSlugs(GROUP, Set.of("a", "b-2", "c_3"));
        assertThat(store.feedSlugs(GROUP)).containsExactlyInAnyOrder("a", "b-2", "c_3");
        store.setFeedSlugs(GROUP, Set.of());
        assertThat(store.feedSlugs(GROUP)).isEmpty();
        assertThat(store.feedSlugs(OTHER)).isEmpty();
    }

    @Test
    void rsvpsCountMembersOncePerOccurrence() {
        MeetingStore store = newStore();
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        ChatUserId kim = new ChatUserId(Platform.TELEGRAM, "43");
        java.time.Instant monday = java.time.Instant.parse("2099-03-09T18:30:00Z");
        assertThat(store.going(GROUP, "step", monday)).isZero();
        assertThat(store.rsvp(GROUP, "step", monday, sam, true)).isEqualTo(1);
        assertThat(store.rsvp(GROUP, "step", monday, sam, true)).as("idempotent").isEqualTo(1);
        assertThat(store.rsvp(GROUP, "step", monday, kim, true)).isEqualTo(2);
        assertThat(store.isGoing(GROUP, "step", monday, sam)).isTrue();
        assertThat(store.going(GROUP, "step", monday.plus(Duration.ofDays(7)))).as("other occurrence").isZero();
        assertThat(store.going(OTHER, "step", monday)).isZero();
        assertThat(store.rsvp(GROUP, "step", monday, sam, false)).isEqualTo(1);
        assertThat(store.isGoing(GROUP, "step", monday, sam)).isFalse();
        assertThat(store.going(GROUP, "step", monday)).isEqualTo(1);
    }

    @Test
    void namesAreShownOnlyForMembersWhoAgreedPerCommunity() {
        MeetingStore store = newStore();
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        ChatUserId kim = new ChatUserId(Platform.TELEGRAM, "43");
        java.time.Instant monday = java.time.Instant.parse("2099-03-09T18:30:00Z");
        store.rsvp(GROUP, "step", monday, sam, true);
        store.rsvp(GROUP, "step", monday, kim, true);
        assertThat(store.goingMembers(GROUP, "step", monday)).containsExactlyInAnyOrder(sam, kim);
        assertThat(store.shownNames(GROUP, Set.of(sam, kim))).isEmpty();
        store.setShownName(GROUP, sam, "Sam Ö");
        assertThat(store.shownNames(GROUP, Set.of(sam, kim))).containsExactly(Map.entry(sam, "Sam Ö"));
        assertThat(store.shownNames(OTHER, Set.of(sam, kim))).isEmpty();
        store.setShownName(GROUP, sam, null);
        assertThat(store.shownNames(GROUP, Set.of(sam, kim))).isEmpty();
    }

    @Test
    void exportAndForgetCoverRsvpsAndNameConsents() {
        MeetingStore store = newStore();
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        ChatUserId kim = new ChatUserId(Platform.TELEGRAM, "43");
        java.time.Instant monday = java.time.Instant.parse("2099-03-09T18:30:00Z");
        store.rsvp(GROUP, "step", monday, sam, true);
        store.rsvp(GROUP, "step", monday, kim, true);
        store.rsvp(OTHER, "big-book", monday, sam, true);
        store.setShownName(GROUP, sam, "Sam");
        assertThat(store.exportMemberRecords(sam)).hasSize(3);

        assertThat(store.forgetMember(sam)).isEqualTo(3);
        assertThat(store.exportMemberRecords(sam)).isEmpty();
        assertThat(store.isGoing(GROUP, "step", monday, sam)).isFalse();
        assertThat(store.going(GROUP, "step", monday)).as("others keep theirs").isEqualTo(1);
        assertThat(store.going(OTHER, "big-book", monday)).isZero();
        assertThat(store.shownNames(GROUP, Set.of(sam))).isEmpty();
        assertThat(store.forgetMember(sam)).isZero();
    }

    @Test
    void draftsRoundTripPerModeratorAndClear() {
        MeetingStore store = newStore();
        ChatUserId mo = new ChatUserId(Platform.TELEGRAM, "1");
        assertThat(store.draft(mo)).isEmpty();
        store.saveDraft(mo, List.of("tg", "-1001", "Step Study", ""), Duration.ofMinutes(30));
        assertThat(store.draft(mo)).contains(List.of("tg", "-1001", "Step Study", ""));
        store.saveDraft(mo, List.of("tg", "-1001"), Duration.ofMinutes(30));
        assertThat(store.draft(mo)).contains(List.of("tg", "-1001"));
        store.clearDraft(mo);
        assertThat(store.draft(mo)).isEmpty();

        store.saveDraft(mo, List.of("tg"), Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertThat(store.draft(mo)).as("kept until it expires").contains(List.of("tg"));
        clock.advance(Duration.ofMillis(1));
        assertThat(store.draft(mo)).as("expired on the store's clock").isEmpty();
    }

    @Test
    void groupAnnouncementsRoundTrip() {
        MeetingStore store = newStore();
        var a = new org.fellowship.core.meeting.GroupAnnouncement(Duration.ofMinutes(10),
                new ConversationId(Platform.TELEGRAM, "-1001"));
        assertThat(store.announcement(GROUP, "step")).isEmpty();
        store.setAnnouncement(GROUP, "step", a);
        assertThat(store.announcement(GROUP, "step")).contains(a);
        assertThat(store.announcement(GROUP, "other")).isEmpty();
        store.setAnnouncement(GROUP, "step", null);
        assertThat(store.announcement(GROUP, "step")).isEmpty();
    }

    @Test
    void subscriptionsRoundTrip() {
        MeetingStore store = newStore();
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        ReminderSubscription s = new ReminderSubscription(sam, GROUP, "b-step", Duration.ofMinutes(15),
                new ConversationId(Platform.TELEGRAM, "-1001"));
        assertThat(store.subscription(sam, GROUP, "b-step")).isEmpty();
        store.subscribe(s);
        assertThat(store.subscription(sam, GROUP, "b-step")).contains(s);
        ReminderSubscription later = new ReminderSubscription(sam, GROUP, "b-step", Duration.ofHours(2), s.group());
        store.subscribe(later);
        assertThat(store.subscription(sam, GROUP, "b-step")).contains(later);
        assertThat(store.subscription(sam, OTHER, "b-step")).isEmpty();
        assertThat(store.unsubscribe(sam, GROUP, "b-step")).isTrue();
        assertThat(store.unsubscribe(sam, GROUP, "b-step")).isFalse();
        assertThat(store.subscription(sam, GROUP, "b-step")).isEmpty();
    }
}
