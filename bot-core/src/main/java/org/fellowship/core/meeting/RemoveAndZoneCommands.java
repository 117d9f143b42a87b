package org.fellowship.core.meeting;

import java.time.ZoneId;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;

/** {@code /meetings remove <name>} and {@code /meetings zone [Area/City]} (moderators). */
final class RemoveAndZoneCommands {
    private final MeetingStore store;
    private final MeetingLookup lookup;

    RemoveAndZoneCommands(MeetingStore store, MeetingLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    /** Removes the meeting; its reminders and announcements find it gone and stop. */
    void remove(Turn turn, String arg) {
        if (arg.isBlank()) {
            throw new UsageException("Which meeting? /meetings remove <name>");
        }
        CommunityId community = MeetingLookup.community(turn);
        Meeting m = lookup.find(community, arg);
        store.remove(community, m.slug());
        turn.reply("Removed " + m.name() + " [" + m.slug() + "]. Its reminders stop too.");
    }

    /** Shows or sets the zone of meetings and feeds that name none. */
    void zone(Turn turn, String arg) {
        CommunityId community = MeetingLookup.community(turn);
        if (arg.isBlank()) {
            turn.reply("Meetings here default to " + lookup.zoneOf(community).getId()
                    + ". Change it with /meetings zone Area/City.");
            return;
        }
        ZoneId zone = lookup.resolveZone(arg);
        store.setZone(community, zone);
        turn.reply("Meetings here now default to " + zone.getId() + ".");
    }
}
