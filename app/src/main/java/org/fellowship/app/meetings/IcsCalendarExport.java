package org.fellowship.app.meetings;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.fellowship.core.meeting.CalendarExport;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.model.CommunityId;

/**
 * {@link CalendarExport} over {@link MeetingCalendar}, with the same fixed series start and day-truncated stamp as
 * {@link CalendarController}, so the file sent by {@code /meetings ics} equals what the calendar URL serves that day.
 * Thread-safe.
 */
public final class IcsCalendarExport implements CalendarExport {
    private final MeetingCalendar calendar = new MeetingCalendar();
    private final CalendarLinks links;

    /** @param links the community's calendar URLs, or {@code null} where the app serves none (console, replay) */
    public IcsCalendarExport(CalendarLinks links) {
        this.links = links;
    }

    /** Files only, no subscription links. */
    public IcsCalendarExport() {
        this(null);
    }

    @Override
    public Optional<String> link(CommunityId community, String slug) {
        return links == null ? Optional.empty() : links.url(community, slug);
    }

    @Override
    public String render(CommunityId community, List<Meeting> meetings, Instant stamp) {
        return calendar.render(community, meetings, CalendarController.SERIES_START, stamp.truncatedTo(ChronoUnit.DAYS));
    }
}
