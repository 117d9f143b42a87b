package org.fellowship.app.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.fellowship.core.meeting.feed.FeedParser;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.feed.ParsedFeed;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

class MeetingCalendarTest {
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    private static final Instant SINCE = Instant.parse("2026-03-01T00:00:00Z");
    private final MeetingCalendar calendar = new MeetingCalendar();

    private static List<Instant> occurrences(String ics, String summary, String from, String to) throws Exception {
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = parsed.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getSummary().getValue().equals(summary)).findFirst().orElseThrow();
        Set<Period<Temporal>> periods = event.calculateRecurrenceSet(new Period<>(ZonedDateTime.parse(from),
                ZonedDateTime.parse(to)));
        return periods.stream().map(p -> Instant.from(p.getStart())).sorted().toList();
    }

    @Test
    void weeklyRuleKeepsLocalTimeAcrossTheDstChange() throws Exception {
        Meeting m = new Meeting("weekend", "Weekend Sharing", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                LocalTime.of(10, 0), Duration.ofMinutes(60), ZoneId.of("Europe/Berlin"), "https://meet.example/ws",
                "Hall 2", List.of("O", "D"), "Bring a friend");
        String ics = calendar.render(GROUP, List.of(m), SINCE, Instant.parse("2026-03-01T12:00:00Z"));

        assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "RRULE:FREQ=WEEKLY;BYDAY=SA,SU",
                "DTSTART;TZID=Europe/Berlin:20260301T100000", "UID:weekend.tg.-1001@fellowship",
                "LOCATION:Hall 2", "CATEGORIES:O,D", "DTSTAMP:20260301T120000Z");
        assertThat(occurrences(ics, "Weekend Sharing", "2026-03-21T00:00:00Z[UTC]", "2026-03-30T00:00:00Z[UTC]"))
                .containsExactly(Instant.parse("2026-03-21T09:00:00Z"), Instant.parse("2026-03-22T09:00:00Z"),
                        Instant.parse("2026-03-28T09:00:00Z"), Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(calendar.render(GROUP, List.of(m), SINCE, Instant.parse("2026-03-01T12:00:00Z")))
                .as("same data, same file").isEqualTo(ics);
    }

    @Test
    void feedToMeetingsToIcsToOccurrences() throws Exception {
        Path feed = Path.of("..", "..", "shared", "data", "meetings", "atlanta.json");
        assumeTrue(Files.isRegularFile(feed), () -> "skipped: shared meeting feeds not found at "
                + feed.toAbsolutePath().normalize() + " (they live outside the repository, see README)");
        ParsedFeed parsed = new FeedParser().parse(Files.readString(feed), ZoneId.of("America/New_York"));
        String ics = calendar.render(GROUP, parsed.meetings(), SINCE, SINCE);

        Calendar back = new CalendarBuilder().build(new StringReader(ics));
        assertThat(back.getComponents("VEVENT")).hasSize(6);
        // US clocks change on 8 March 2026: a Sunday 09:00 meeting moves from 14:00 to 13:00 UTC.
        assertThat(occurrences(ics, "Early Sunday Morning", "2026-03-01T00:00:00Z[UTC]", "2026-03-16T00:00:00Z[UTC]"))
                .containsExactly(Instant.parse("2026-03-01T14:00:00Z"), Instant.parse("2026-03-08T13:00:00Z"),
                        Instant.parse("2026-03-15T13:00:00Z"));
    }
}
