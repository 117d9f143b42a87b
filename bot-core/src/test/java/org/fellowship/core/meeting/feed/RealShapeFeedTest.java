package org.fellowship.core.meeting.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fellowship.core.meeting.Meeting;
import org.junit.jupiter.api.Test;

/**
 * Feeds written in the full shape real servers send (every field a Meeting Guide WordPress export or a BMLT
 * {@code GetSearchResults} answer carries, most of them unused): dial-in numbers, inactive and temporarily closed
 * meetings, BMLT location notes and case-sensitive format codes, and no feed-level zone.
 */
class RealShapeFeedTest {
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private final FeedParser parser = new FeedParser();

    static String fixture(String name) {
        try (InputStream in = RealShapeFeedTest.class.getResourceAsStream("/feeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Meeting> bySlug(ParsedFeed feed) {
        return feed.meetings().stream().collect(Collectors.toMap(Meeting::slug, Function.identity()));
    }

    @Test
    void meetingGuideInactiveIsSkippedAndCountedAndEveryMeetingIsReadInTheCommunityZone() {
        ParsedFeed feed = parser.parse(fixture("meeting-guide-district.json"), TORONTO);
        assertThat(bySlug(feed).keySet()).containsExactlyInAnyOrder("lakeside-early-risers",
                "sunday-night-phone-meeting", "thursday-step-study", "friday-night-speaker");
        assertThat(feed.skipped()).containsExactly(Map.entry("inactive", 1));
        assertThat(feed.readInFallbackZone()).as("no meeting and not the feed names a zone").isEqualTo(4);
        assertThat(feed.meetings()).allSatisfy(m -> assertThat(m.zone()).isEqualTo(TORONTO));
    }

    @Test
    void meetingGuideDialInIsKeptAndAPhoneOnlyMeetingIsOnline() {
        Map<String, Meeting> m = bySlug(parser.parse(fixture("meeting-guide-district.json"), TORONTO));
        Meeting hybrid = m.get("lakeside-early-risers");
        assertThat(hybrid.url()).as("trailing no-break space trimmed")
                .isEqualTo("https://us02web.zoom.us/j/81234567890?pwd=ZXhhbXBsZQ");
        assertThat(hybrid.phone()).isEqualTo("+16465588656,,81234567890#,,,,*1935#");
        assertThat(hybrid.location())
                .isEqualTo("Lakeside Community Church, 41 Shore Rd, Millbrook, ON K0L 2K0, Canada");
        assertThat(hybrid.notes()).startsWith("Coffee from 6:30. Big Book & Twelve");
        assertThat(hybrid.days()).hasSize(5);

        Meeting phoneOnly = m.get("sunday-night-phone-meeting");
        assertThat(phoneOnly.url()).isNull();
        assertThat(phoneOnly.dialIn()).contains("+1 (605) 313-5164,,7712345#");
        assertThat(phoneOnly.location()).isEqualTo("online");
        assertThat(phoneOnly.days()).containsExactly(DayOfWeek.SUNDAY);

        assertThat(m.get("thursday-step-study").temporarilyClosed()).isTrue();
        assertThat(m.get("friday-night-speaker").temporarilyClosed()).isFalse();
        assertThat(m.get("friday-night-speaker").phone()).isNull();
        assertThat(m.get("friday-night-speaker").types()).as("Meeting Guide codes upper-cased as before")
                .containsExactly("O", "SP", "12X12");
    }

    @Test
    void bmltFormatCodesKeepTheirCaseAndLocationInfoIsShownWithThePlace() {
        ParsedFeed feed = parser.parse(fixture("bmlt-search-results.json"), TORONTO);
        Map<String, Meeting> m = bySlug(feed);
        Meeting hope = m.get("2871");
        assertThat(hope.types()).containsExactly("Ag", "Ti", "BT", "So", "TC");
        assertThat(hope.temporarilyClosed()).isTrue();
        assertThat(hope.location())
                .isEqualTo("Quaker Meeting House, 12 Park Row, Bristol (Upstairs room, ring the bell)");
        assertThat(hope.days()).containsExactly(DayOfWeek.TUESDAY);
        assertThat(hope.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(hope.zone()).as("empty time_zone: the community's").isEqualTo(TORONTO);

        Meeting online = m.get("2904");
        assertThat(online.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(online.url()).isEqualTo("https://zoom.us/j/83412345678");
        assertThat(online.phone()).isEqualTo("+44 20 3481 5237,,83412345678#");
        assertThat(online.location()).as("venue_type 2 is virtual").isEqualTo("online");
        assertThat(online.types()).containsExactly("VM", "O", "JT");
        assertThat(feed.readInFallbackZone()).isEqualTo(1);
    }

    @Test
    void aFeedLevelZoneMeansNoMeetingWasReadInTheFallback() {
        ParsedFeed feed = parser.parse("{\"timezone\": \"America/Edmonton\", \"meetings\": "
                + fixture("meeting-guide-district.json") + "}", TORONTO);
        assertThat(feed.readInFallbackZone()).isZero();
        assertThat(feed.meetings()).allSatisfy(m -> assertThat(m.zone()).isEqualTo(ZoneId.of("America/Edmonton")));
    }
}
