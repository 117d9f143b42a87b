package org.fellowship.core.meeting;

import org.fellowship.core.command.Clip;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.Access;

/**
 * {@code /meetings [sub-command]}: hands each sub-command to the class that handles it; the ones that change the
 * community's meetings are a moderator's, and a refusal is said in the group, where the change was asked for.
 */
final class MeetingsCommand {
    private final Subcommands routes;

    MeetingsCommand(MeetingListing listing, CalendarFileCommand calendar, FeedImportCommand imports, ManualAdd add,
                    RemoveAndZoneCommands removeAndZone, AnnounceCommand announce, Rsvps rsvps) {
        routes = Subcommands.of("meetings")
                .bare(turn -> listing.list(turn, false))
                .sub("today", (turn, rest) -> listing.list(turn, true))
                .sub("ics", calendar::send)
                .sub("import", Access.MODERATOR, imports::importFeed)
                .sub("add", Access.MODERATOR, add::add)
                .sub("remove", Access.MODERATOR, removeAndZone::remove)
                .sub("zone", Access.MODERATOR, removeAndZone::zone)
                .sub("announce", Access.MODERATOR, announce::announce)
                .sub("names", rsvps::names)
                .otherwise((turn, args) -> {
                    throw new UsageException("I don't know \"/meetings " + Clip.typed(FirstWord.of(args).key(), 40)
                            + "\". Try /meetings, /meetings today, /meetings ics or /meetings names on.");
                })
                .refusing((turn, command) -> turn.reply(command + " is for moderators of this group."));
    }

    void handle(Turn turn, String args) {
        routes.handle(turn, args);
    }
}
