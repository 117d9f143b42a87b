package org.fellowship.core.meeting.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.SharedFeeds;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");
    private final FeedParser parser = new FeedParser();

    private static Map<String, Meeting> bySlug(ParsedFeed feed) {
        return feed.meetings().stream().collect(Collectors.toMap(Meeting::slug, Function.identity()));
    }

    @Test
    void edmontonImportsAllWithTwelveHourTimesAndListDays() {
        ParsedFeed feed = parser.parse(SharedFeeds.read("edmonton.json"), EDMONTON);
        assertThat(feed.meetings()).hasSize(315);
        assertThat(feed.skippedTotal()).isZero();
        Meeting shifters = bySlug(feed).get("6");
        assertThat(shifters.days()).containsExactly(DayOfWeek.SATURDAY);
        assertThat(shifters.start()).isEqualTo(LocalTime.of(11, 0));
        assertThat(shifters.duration()).isEqualTo(Duration.ofMinutes(60));
        assertThat(shifters.zone()).isEqualTo(EDMONTON);
        assertThat(shifters.types()).containsExactly("C");
        assertThat(feed.meetings()).allSatisfy(m -> assertThat(m.zone()).isEqualTo(EDMONTON));
        assertThat(feed.meetings()).anySatisfy(m -> assertThat(m.start().getHour()).isGreaterThanOrEqualTo(12));
    }

    @Test
    void sussexAndAtlantaImportEverything() {
        ParsedFeed sussex = parser.parse(SharedFeeds.read("sussexaa.json"), ZoneId.of("Europe/London"));
        assertThat(sussex.meetings()).hasSize(123);
        assertThat(sussex.skippedTotal()).isZero();
        assertThat(sussex.meetings()).filteredOn(m -> m.url() != null).isNotEmpty();

        ParsedFeed atlanta = parser.parse(SharedFeeds.read("atlanta.json"), ZoneId.of("America/New_York"));
        assertThat(atlanta.meetings()).hasSize(6);
        Meeting early = bySlug(atlanta).get("early-sunday-morning");
        assertThat(early.days()).containsExactly(DayOfWeek.SUNDAY);
        assertThat(early.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(early.duration()).isEqualTo(Duration.ofHours(1));
        assertThat(early.types()).containsExactly("C", "D");
        assertThat(early.notes()).isEqualTo("Dr. Bob Room");
        assertThat(early.location()).as("place name and street address")
                .isEqualTo("H.O.W. Place, 5881 Old Bascomb Rd, Acworth, GA 30102, USA");
    }

    @Test
    void timesEdgeCases() {
        ParsedFeed feed = parser.parse(SharedFeeds.read("times.json"), ZoneId.of("America/Chicago"));
        assertThat(feed.meetings()).hasSize(8);
        assertThat(feed.skipped()).containsExactly(Map.entry("no time", 1));
        Map<String, Meeting> m = bySlug(feed);
        assertThat(m).doesNotContainKey("appointment");
        assertThat(m.get("monday-7pm").days()).containsExactly(DayOfWeek.MONDAY);
        assertThat(m.get("monday-7pm").duration()).isEqualTo(Duration.ofHours(2));
        assertThat(m.get("monday-7am").duration()).as("end_time defaults to start + 60").isEqualTo(Duration.ofHours(1));
        assertThat(m.get("sunday-8pm").days()).as("string day 0 is Sunday").containsExactly(DayOfWeek.SUNDAY);
        assertThat(m.get("saturday-10am").days()).containsExactly(DayOfWeek.SATURDAY);
        assertThat(m.get("monday-7pm").url()).isEqualTo("https://zoom.us/d/1234567");
        assertThat(m.get("approximate").url()).isNull();
        assertThat(m.get("monday-7pm").types()).containsExactly("O", "M");
    }

    @Test
    void invalidFeedGivesOneClearLine() {
        String text = SharedFeeds.read("invalid.json");
        assertThatThrownBy(() -> parser.parse(text, EDMONTON)).isInstanceOf(FeedException.class)
                .hasMessageStartingWith("That feed is not valid JSON at line ")
                .hasMessageContaining("unexpected text after the JSON value")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("invalid text"));
    }

    @Test
    void perMeetingAndFeedLevelZonesAndSkips() {
        String feed = """
                {"timezone": "Europe/Berlin", "meetings": [
                  {"slug": "a", "name": "A", "day": 1, "time": "19:00"},
                  {"slug": "b", "name": "B", "day": [1, "3"], "time": "7:30 PM", "end_time": "00:30", "timezone": "Asia/Tokyo"},
                  {"slug": "c", "name": "C", "day": 7, "time": "19:00"},
                  {"slug": "d", "name": "D", "day": 1, "time": "25:00"},
                  {"slug": "e", "name": "E", "day": 1, "time": "19:00", "timezone": "Mars/Base"},
                  {"slug": "f", "day": 1, "time": "19:00"},
                  {"slug": "a", "name": "A again", "day": 2, "time": "19:00"},
                  {"slug": "g", "name": "G", "time": "19:00"},
                  42
                ]}""";
        ParsedFeed parsed = parser.parse(feed, EDMONTON);
        Map<String, Meeting> m = bySlug(parsed);
        assertThat(m.keySet()).containsExactlyInAnyOrder("a", "b");
        assertThat(m.get("a").zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(m.get("a").name()).isEqualTo("A");
        assertThat(m.get("b").zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(m.get("b").days()).isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        assertThat(m.get("b").start()).isEqualTo(LocalTime.of(19, 30));
        assertThat(m.get("b").duration()).as("ends after midnight").isEqualTo(Duration.ofHours(5));
        assertThat(parsed.skipped()).containsOnly(Map.entry("bad day", 1), Map.entry("bad time", 1),
                Map.entry("unknown time zone", 1), Map.entry("no name", 1), Map.entry("duplicate id", 1),
                Map.entry("no day", 1), Map.entry("not a meeting", 1));
        assertThat(parsed.skippedSummary()).contains("1 (bad day)");
    }

    @Test
    void bmltWeekdaysStartOnSunday() {
        String feed = """
                [{"id_bigint": "101", "meeting_name": "Just for Today", "weekday_tinyint": "1",
                  "start_time": "19:00:00", "duration_time": "01:30:00", "time_zone": "America/New_York",
                  "formats": "O,D,VM", "virtual_meeting_link": "https://meet.example/jft", "comments": "Bring a friend"},
                 {"id_bigint": "102", "meeting_name": "Saturday", "weekday_tinyint": 7, "start_time": "10:00:00",
                  "location_text": "Hall", "location_street": "1 Main St"},
                 {"id_bigint": "103", "meeting_name": "Nope", "weekday_tinyint": "8", "start_time": "10:00:00"}]""";
        ParsedFeed parsed = parser.parse(feed, EDMONTON);
        Map<String, Meeting> m = bySlug(parsed);
        assertThat(m.get("101").days()).containsExactly(DayOfWeek.SUNDAY);
        assertThat(m.get("101").duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(m.get("101").zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(m.get("101").types()).containsExactly("O", "D", "VM");
        assertThat(m.get("101").url()).isEqualTo("https://meet.example/jft");
        assertThat(m.get("102").days()).containsExactly(DayOfWeek.SATURDAY);
        assertThat(m.get("102").location()).isEqualTo("Hall, 1 Main St");
        assertThat(m.get("102").duration()).isEqualTo(Duration.ofMinutes(60));
        assertThat(parsed.skipped()).containsExactly(Map.entry("bad day", 1));
    }

    @Test
    void wholeFeedFailures() {
        assertThatThrownBy(() -> parser.parse("{\"meetings\": 3}", EDMONTON)).hasMessage(
                "That feed is JSON but not a list of meetings.");
        assertThatThrownBy(() -> parser.parse("{\"timezone\": \"Nowhere/Land\", \"meetings\": []}", EDMONTON))
                .hasMessage("The feed's time zone is not a known IANA zone.");
        assertThatThrownBy(() -> parser.parse("[" + "[".repeat(100) + "]".repeat(101), EDMONTON))
                .hasMessageContaining("nested deeper than");
        assertThatThrownBy(() -> parser.parse(" ".repeat(FeedParser.MAX_FEED_CHARS + 1), EDMONTON))
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> parser.parse("", EDMONTON)).hasMessageContaining("unexpected end of input");
    }

    @Test
    void timeFormats() {
        assertThat(FeedParser.time("07:05")).isEqualTo(LocalTime.of(7, 5));
        assertThat(FeedParser.time("7:05 pm")).isEqualTo(LocalTime.of(19, 5));
        assertThat(FeedParser.time("12:00 AM")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(FeedParser.time("12:30 PM")).isEqualTo(LocalTime.of(12, 30));
        assertThat(FeedParser.time("19:00:30")).isEqualTo(LocalTime.of(19, 0, 30));
        assertThat(FeedParser.time("24:00")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(FeedParser.time("13:00 PM")).isNull();
        assertThat(FeedParser.time("19:60")).isNull();
        assertThat(FeedParser.time("noon")).isNull();
    }
}
