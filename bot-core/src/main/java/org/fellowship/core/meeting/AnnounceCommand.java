package org.fellowship.core.meeting;

import static org.fellowship.core.meeting.LeadTime.human;

import java.time.Duration;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;

/** {@code /meetings announce <meeting> 10m|off} (moderators): a post in this group before each occurrence. */
final class AnnounceCommand {
    private final MeetingStore store;
    private final MeetingLookup lookup;
    private final AnnouncementHandler announcements;

    AnnounceCommand(MeetingStore store, MeetingLookup lookup, AnnouncementHandler announcements) {
        this.store = store;
        this.lookup = lookup;
        this.announcements = announcements;
    }

    void announce(Turn turn, String args) {
        CommunityId community = MeetingLookup.community(turn);
        LeadTime.Request request = LeadTime.request(args, "/meetings announce step-study 10m");
        Meeting m = lookup.find(community, request.meeting());
        if (request.off()) {
            store.setAnnouncement(community, m.slug(), null);
            turn.reply("I'll no longer post reminders for " + m.name() + " here.");
            return;
        }
        Duration before = LeadTime.parse(request.when());
        GroupAnnouncement announcement = new GroupAnnouncement(before, turn.conversation().id());
        store.setAnnouncement(community, m.slug(), announcement);
        Occurrence next = m.nextAfter(turn.now().plus(before));
        announcements.schedule(community, m.slug(), before, next);
        turn.reply("I'll post a reminder here " + human(before) + " before each " + m.name() + ".");
    }
}
