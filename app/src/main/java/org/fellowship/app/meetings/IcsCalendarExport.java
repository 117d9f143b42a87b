package org.fellowship.app.meetings;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    @Override
    public String render(CommunityId community, List<Meeting> meetings, Instant stamp) {
        return calendar.render(community, meetings, CalendarController.SERIES_START, stamp.truncatedTo(ChronoUnit.DAYS));
    }
}
