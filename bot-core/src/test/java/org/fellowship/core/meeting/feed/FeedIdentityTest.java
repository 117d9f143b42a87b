package org.fellowship.core.meeting.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.fellowship.core.meeting.Meeting;
import org.junit.jupiter.api.Test;

/** Which feed entries are duplicates, and how distinct meetings with colliding slugs are told apart. */
class FeedIdentityTest {
    private static final ZoneId ZONE = ZoneId.of("America/Edmonton");
    private final FeedParser parser = new FeedParser();

    /** Meeting Guide entries in the full shape: ids, slugs, addresses, types, odd spacing. */
    private static String entry(String id, String slug, String name, int day, String time) {
        return """
                {"id": %s, "slug": "%s", "name": "%s", "day": %d, "time": "%s", "end_time": "",
                 "location": "St. Mark's Church", "formatted_address": "12 Elm Rd, Springfield, AB T5J 0N3, Canada",
                 "region": "Downtown", "types": ["O", "ONL"], "notes": "", "conference_url": null,
                 "attendance_option": "hybrid", "updated": "2024-01-02 03:04:05", "url": "https://example.org/m"}"""
                .formatted(id, slug, name, day, time);
    }

    private static final String LONG = "the-saturday-morning-early-birds-big-book-step-study-and-open-discussion-group";

    @Test
    void distinctIdsWithCollidingSlugsAreAllKeptUnderUniqueStableSlugs() {
        String feed = "[" + String.join(",",
                entry("1", LONG + "-sunday", "Early Birds", 0, "07:00"),
                entry("2", LONG + "-monday", "Early Birds", 1, "07:00"),
                entry("3", "", "Daily Online", 0, "12:00"),
                entry("4", "", "Daily Online", 1, "12:00")) + "]";
        ParsedFeed first = parser.parse(feed, ZONE);
        assertThat(first.skipped()).isEmpty();
        List<String> slugs = first.meetings().stream().map(Meeting::slug).toList();
        assertThat(slugs).hasSize(4).doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(s).matches("[a-z0-9_-]{1,64}"));
        assertThat(first.meetings()).extracting(Meeting::days)
                .containsExactly(java.util.Set.of(DayOfWeek.SUNDAY), java.util.Set.of(DayOfWeek.MONDAY),
                        java.util.Set.of(DayOfWeek.SUNDAY), java.util.Set.of(DayOfWeek.MONDAY));
        assertThat(parser.parse(feed, ZONE).meetings()).extracting(Meeting::slug)
                .as("re-importing gives the same slugs").isEqualTo(slugs);
    }

    @Test
    void onlyTheSameSourceIdIsADuplicate() {
        String feed = "[" + String.join(",",
                entry("7", "noon", "Noon", 2, "12:00"),
                entry("8", "noon", "Noon again", 2, "12:00"),
                entry("9", "other", "Other", 3, "12:00")) + ","
                + """
                {"name": "No Id", "day": 4, "time": "18:00"}, {"name": "No Id", "day": 4, "time": "18:00"},
                {"name": "No Id", "day": 5, "time": "18:00"}]""";
        ParsedFeed parsed = parser.parse(feed, ZONE);
        assertThat(parsed.meetings()).extracting(Meeting::name)
                .containsExactly("Noon", "Other", "No Id", "No Id");
        assertThat(parsed.skipped()).containsOnly(Map.entry("duplicate id", 1), Map.entry("duplicate meeting", 1));
    }

    @Test
    void placeNameAndStreetAddressAreBothKept() {
        String feed = """
                [{"slug": "a", "name": "A", "day": 1, "time": "19:00", "location": "District 12",
                  "formatted_address": "123 Main St, Springfield, IL 62701, USA", "address": "123 Main St"},
                 {"slug": "b", "name": "B", "day": 1, "time": "19:00", "location": "123 Main St",
                  "formatted_address": "123 Main St, Springfield"},
                 {"slug": "c", "name": "C", "day": 1, "time": "19:00", "location": " Hall ", "formatted_address": "hall"},
                 {"slug": "d", "name": "D", "day": 1, "time": "19:00", "location": "", "address": "9 Oak Ave"},
                 {"slug": "e", "name": "E", "day": 1, "time": "19:00", "location": "Annex", "formatted_address": null},
                 {"slug": "f", "name": "F", "day": 1, "time": "19:00", "attendance_option": "online"}]""";
        assertThat(parser.parse(feed, ZONE).meetings()).extracting(Meeting::location).containsExactly(
                "District 12, 123 Main St, Springfield, IL 62701, USA", "123 Main St, Springfield", "Hall",
                "9 Oak Ave", "Annex", "online");
    }

    @Test
    void unicodeSpacesAreStrippedAndCommonEntitiesDecoded() {
        String feed = """
                [{"slug": "a", "name": "Hope &amp; Serenity&#39;s &quot;Big&quot; Book", "day": 1, "time": "19:00",
                  "conference_url": "https://zoom.us/j/123?pwd=x\u00a0", "location": "St. John&#x27;s &lt;Annex&gt;",
                  "notes": "\u200bBring &foo; &amp;amp; coffee\u3000", "types": ["O"], "end_time": "20:00"},
                 {"slug": "b", "name": "\u00a0Plain\u00a0", "day": 1, "time": "19:00",
                  "conference_url": "\u2003 http://meet.example/b \u00a0\\n"}]""";
        List<Meeting> meetings = parser.parse(feed, ZONE).meetings();
        Meeting a = meetings.get(0);
        assertThat(a.name()).isEqualTo("Hope & Serenity's \"Big\" Book");
        assertThat(a.url()).isEqualTo("https://zoom.us/j/123?pwd=x");
        assertThat(a.location()).isEqualTo("St. John's <Annex>");
        assertThat(a.notes()).isEqualTo("Bring &foo; &amp; coffee");
        assertThat(meetings.get(1).name()).isEqualTo("Plain");
        assertThat(meetings.get(1).url()).isEqualTo("http://meet.example/b");
    }

    @Test
    void anEndLongBeforeTheStartIsIgnoredWithAWarningAndAShortOvernightOneKept() {
        String feed = """
                [{"slug": "typo", "name": "Noon", "day": 1, "time": "12:15", "end_time": "01:15", "types": []},
                 {"slug": "late", "name": "Late", "day": 5, "time": "23:30:00", "end_time": "00:45:00"},
                 {"slug": "pm", "name": "PM", "day": 2, "time": "11:00 PM", "end_time": "2:00 AM"},
                 {"slug": "long", "name": "Long", "day": 3, "time": "20:00", "end_time": "03:00"},
                 {"slug": "same", "name": "Same", "day": 3, "time": "20:00", "end_time": "20:00"}]""";
        ParsedFeed parsed = parser.parse(feed, ZONE);
        assertThat(parsed.meetings()).extracting(Meeting::duration).containsExactly(Duration.ofHours(1),
                Duration.ofMinutes(75), Duration.ofHours(3), Duration.ofHours(1), Duration.ofHours(1));
        assertThat(parsed.skipped()).isEmpty();
        assertThat(parsed.warnings()).containsOnly(Map.entry(FeedParser.END_BEFORE_START, 2));
        assertThat(parsed.warningsSummary()).isEqualTo("2 (end time before start, ignored)");
    }
}
