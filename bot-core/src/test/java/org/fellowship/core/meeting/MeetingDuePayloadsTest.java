package org.fellowship.core.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.MalformedPayload;
import org.fellowship.core.testkit.DuePayloads;
import org.junit.jupiter.api.Test;

/** Meeting due items decode from the text already queued in a running store, and are written back the same. */
class MeetingDuePayloadsTest {
    private static final Instant OCCURRENCE = Instant.parse("2026-03-08T09:00:00Z");

    @Test
    void aMemberReminderNamesMemberCommunityMeetingAndOccurrence() {
        ReminderHandler.Reminder reminder = DuePayloads.roundTrip(ReminderHandler.KIND,
                "tg\t42\t-100123\thome-group\t1772960400000");

        assertThat(reminder).isEqualTo(new ReminderHandler.Reminder(new ChatUserId(Platform.TELEGRAM, "42"),
                new CommunityId(Platform.TELEGRAM, "-100123"), "home-group", OCCURRENCE));
        assertThat(ReminderHandler.KIND.name()).isEqualTo("meeting.reminder");
    }

    @Test
    void aGroupAnnouncementNamesCommunityMeetingAndOccurrence() {
        AnnouncementHandler.Post post = DuePayloads.roundTrip(AnnouncementHandler.KIND,
                "dc\t555\thome-group\t1772960400000");

        assertThat(post).isEqualTo(new AnnouncementHandler.Post(new CommunityId(Platform.DISCORD, "555"),
                "home-group", OCCURRENCE));
        assertThat(AnnouncementHandler.KIND.name()).isEqualTo("meeting.announcement");
    }

    @Test
    void aFeedRefreshNamesCommunityAndGroup() {
        FeedRefreshHandler.Refresh refresh = DuePayloads.roundTrip(FeedRefreshHandler.KIND, "tg\t-100123\t-100123");

        assertThat(refresh).isEqualTo(new FeedRefreshHandler.Refresh(new CommunityId(Platform.TELEGRAM, "-100123"),
                new ConversationId(Platform.TELEGRAM, "-100123")));
        assertThat(FeedRefreshHandler.KIND.name()).isEqualTo("meeting.feed-refresh");
    }

    @Test
    void meetingItemsWithAnUnknownPlatformMissingFieldOrBadOccurrenceAreMalformed() {
        assertThatThrownBy(() -> ReminderHandler.KIND.codec().decode("xx\t42\t-100123\thome-group\t1"))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> ReminderHandler.KIND.codec().decode("tg\t42\t-100123\thome-group\tsoon"))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> AnnouncementHandler.KIND.codec().decode("tg\t-100123\thome-group\t-5"))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> FeedRefreshHandler.KIND.codec().decode("tg\t-100123"))
                .isInstanceOf(MalformedPayload.class);
    }
}
