package org.fellowship.core.meeting;

import static org.fellowship.core.meeting.MeetingTexts.clip;

import java.util.Locale;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;

/**
 * {@code /meetings [sub-command]}: hands each sub-command to the class that handles it; the ones that change the
 * community's meetings are checked here to be a moderator's.
 */
final class MeetingsCommand {
    private final MeetingListing listing;
    private final CalendarFileCommand calendar;
    private final FeedImportCommand imports;
    private final ManualAdd add;
    private final RemoveAndZoneCommands removeAndZone;
    private final AnnounceCommand announce;
    private final Rsvps rsvps;

    MeetingsCommand(MeetingListing listing, CalendarFileCommand calendar, FeedImportCommand imports, ManualAdd add,
                    RemoveAndZoneCommands removeAndZone, AnnounceCommand announce, Rsvps rsvps) {
        this.listing = listing;
        this.calendar = calendar;
        this.imports = imports;
        this.add = add;
        this.removeAndZone = removeAndZone;
        this.announce = announce;
        this.rsvps = rsvps;
    }

    void handle(Turn turn, String args) {
        String[] parts = args.strip().split("\\s+", 2);
        String sub = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        switch (sub) {
            case "" -> listing.list(turn, false);
            case "today" -> listing.list(turn, true);
            case "ics" -> calendar.send(turn, rest);
            case "import" -> moderated(turn, "import", () -> imports.importFeed(turn, rest));
            case "add" -> moderated(turn, "add", () -> add.add(turn, rest));
            case "remove" -> moderated(turn, "remove", () -> removeAndZone.remove(turn, rest));
            case "zone" -> moderated(turn, "zone", () -> removeAndZone.zone(turn, rest));
            case "announce" -> moderated(turn, "announce", () -> announce.announce(turn, rest));
            case "names" -> rsvps.names(turn, rest);
            default -> throw new UsageException("I don't know \"/meetings " + clip(sub) + "\". Try /meetings, "
                    + "/meetings today, /meetings ics or /meetings names on.");
        }
    }

    private static void moderated(Turn turn, String what, Runnable action) {
        if (!turn.actor().moderator()) {
            turn.reply("/meetings " + what + " is for moderators of this group.");
            return;
        }
        action.run();
    }
}
