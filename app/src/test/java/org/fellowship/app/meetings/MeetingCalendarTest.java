package org.fellowship.app.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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

    @Test
    void linesAreFoldedAt75OctetsNeverInsideACharacterAndUnfoldBackToTheOriginal() throws Exception {
        String name = "Caf\u00e9 Serenidad \u2014 \ud83c\udf05 Fr\u00fchst\u00fccksrunde \u65e5\u672c\u8a9e\u306e"
                + "\u30df\u30fc\u30c6\u30a3\u30f3\u30b0 \ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67 "
                + "\u00e0\u00e9\u00ee\u00f5\u00fc \u4e00\u6b65\u4e00\u6b65";
        String place = "\u6771\u4eac\u90fd\u6e0b\u8c37\u533a\u795e\u5357\u4e00\u4e01\u76ee \u2615 "
                + "Gemeindesaal im Erdgescho\u00df, links neben der K\u00fcche";
        Meeting m = new Meeting("multibyte", name, Set.of(DayOfWeek.MONDAY), LocalTime.of(19, 0),
                Duration.ofMinutes(60), ZoneId.of("Asia/Tokyo"), null, place, List.of("O"),
                "\ud83d\ude4f Willkommen \u2014 \u3088\u3046\u3053\u305d ".repeat(6).strip());
        String ics = calendar.render(GROUP, List.of(m), SINCE, SINCE);

        String[] lines = ics.split("\r\n", -1);
        assertThat(lines).allSatisfy(line -> {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as("octets of %s", line).isLessThanOrEqualTo(75);
            assertThat(new String(octets, StandardCharsets.UTF_8)).as("no character split").isEqualTo(line);
        });
        String unfolded = OctetFolding.unfold(ics);
        assertThat(unfolded).contains("SUMMARY:" + name + "\r\n", "LOCATION:" + place.replace(",", "\\,") + "\r\n");
        assertThat(("SUMMARY:" + name).getBytes(StandardCharsets.UTF_8).length).as("folding was needed")
                .isGreaterThan(75).isLessThanOrEqualTo(75 * 2);
        VEvent back = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        assertThat(back.getSummary().getValue()).isEqualTo(name);
        assertThat(back.getLocation().getValue()).isEqualTo(place);
        assertThat(back.getDescription().getValue()).isEqualTo(m.notes());
    }

    @Test
    void aDialInIsExportedAsAConferencePhoneAndInTheDescription() throws Exception {
        Meeting phoneOnly = new Meeting("sunday-phone", "Sunday Night Phone Meeting", Set.of(DayOfWeek.SUNDAY),
                LocalTime.of(21, 0), Duration.ofMinutes(60), ZoneId.of("America/Toronto"), null, "online",
                List.of("C"), null, "+1 (605) 313-5164,,7712345#");
        String ics = calendar.render(GROUP, List.of(phoneOnly), SINCE, SINCE);
        assertThat(OctetFolding.unfold(ics)).contains(
                "CONFERENCE;VALUE=URI;FEATURE=PHONE;LABEL=Dial-in:tel:+1(605)313-5164,,7712345#\r\n",
                "DESCRIPTION:Dial-in: +1 (605) 313-5164\\,\\,7712345#\r\n");
        VEvent back = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        assertThat(back.getDescription().getValue()).isEqualTo("Dial-in: +1 (605) 313-5164,,7712345#");
        assertThat(MeetingCalendar.telUri("call the office")).isEmpty();
        assertThat(MeetingCalendar.telUri("+16465588656,,81234567890#,,,,*1935#"))
                .contains("tel:+16465588656,,81234567890#,,,,*1935#");
    }
}
