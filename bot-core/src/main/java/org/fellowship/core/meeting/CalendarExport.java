package org.fellowship.core.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fellowship.core.model.CommunityId;

/**
 * Renders meetings as an iCalendar ({@code .ics}) file for {@code /meetings ics}. The app implements it with ical4j,
 * the same renderer that serves the community's calendar URL, so the file and the URL agree.
 *
 * <p><b>Threading:</b> implementations are thread-safe. <b>Nullness:</b> arguments non-null; never returns
 * {@code null}. <b>Failure:</b> {@link IllegalArgumentException} for a meeting it cannot express (for example a zone
 * without a calendar definition); the feature answers with one line.
 */
public interface CalendarExport {
    /** Renders nothing: for modes without a calendar renderer; {@code /meetings ics} says it is unavailable. */
    CalendarExport NONE = (community, meetings, stamp) -> {
        throw new UnsupportedOperationException("no calendar renderer");
    };

    /**
     * The iCalendar text of some meetings of one community.
     *
     * @param stamp when the file is made (DTSTAMP)
     */
    String render(CommunityId community, List<Meeting> meetings, Instant stamp);

    /**
     * The stable subscription URL of the community's calendar ({@code slug == null}) or of one meeting, where the app
     * is reachable from outside; sent instead of the file to chats that cannot take files.
     */
    default Optional<String> link(CommunityId community, String slug) {
        return Optional.empty();
    }
}
