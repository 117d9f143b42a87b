package org.fellowship.core.meeting;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundFile;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /meetings ics [name]}: the community's meetings, or one meeting, as an iCalendar file in the chat. */
final class CalendarFileCommand {
    private static final Logger LOG = LoggerFactory.getLogger(CalendarFileCommand.class);

    private final MeetingStore store;
    private final CalendarExport calendar;
    private final MeetingLookup lookup;

    CalendarFileCommand(MeetingStore store, CalendarExport calendar, MeetingLookup lookup) {
        this.store = store;
        this.calendar = calendar;
        this.lookup = lookup;
    }

    /** Sends the community's meetings (or one meeting) as an iCalendar file, answering where the listing does. */
    void send(Turn turn, String name) {
        CommunityId community = MeetingLookup.community(turn);
        List<Meeting> meetings;
        String fileName;
        String slug = null;
        if (name.isBlank()) {
            meetings = store.meetings(community);
            if (meetings.isEmpty()) {
                turn.reply("No meetings are scheduled here yet, so there is no calendar to send.");
                return;
            }
            fileName = "meetings.ics";
        } else {
            Meeting m = lookup.find(community, name);
            meetings = List.of(m);
            slug = m.slug();
            fileName = m.slug() + ".ics";
        }
        if (calendar == CalendarExport.NONE) {
            turn.reply("Calendar files are not available here.");
            return;
        }
        String ics;
        try {
            ics = calendar.render(community, meetings, turn.now());
        } catch (IllegalArgumentException e) {
            LOG.warn("calendar of community={} could not be rendered: {}", community, e.getMessage());
            turn.reply("I couldn't make a calendar file of these meetings. The /meetings listing still has them.");
            return;
        }
        Optional<String> link = calendar.link(community, slug);
        String caption = (meetings.size() == 1
                ? "Calendar file for " + meetings.get(0).name() + ": open it to add the meeting to your calendar."
                : "Calendar file with all " + meetings.size() + " meetings here: open it to add them to your calendar.")
                + link.map(url -> "\nTo keep it up to date, subscribe in your calendar app instead (please keep this "
                        + "link within the group): " + url).orElse("");
        OutboundFile file = new OutboundFile(fileName, "text/calendar", ics.getBytes(StandardCharsets.UTF_8),
                link.orElse(null));
        turn.send(new OutboundMessage(turn.conversation().id(), caption, TextStyle.PLAIN,
                List.of(), turn.triggeringMessage(), Delivery.PUBLIC, turn.actor().id(), Priority.NORMAL, file));
    }
}
