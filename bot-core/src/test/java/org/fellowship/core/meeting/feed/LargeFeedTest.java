package org.fellowship.core.meeting.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.fellowship.core.meeting.Meeting;
import org.junit.jupiter.api.Test;

/** {@link LargeFeed} read whole: what is imported, and what is skipped and warned about, by reason. */
class LargeFeedTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private final ParsedFeed feed = new FeedParser().parse(LargeFeed.json(), CHICAGO);

    private List<Meeting> named(String prefix) {
        return feed.meetings().stream().filter(m -> m.name().startsWith(prefix)).toList();
    }

    @Test
    void everyUsableMeetingIsImportedAndEverySkipHasItsReason() {
        assertThat(feed.meetings()).hasSize(323);
        assertThat(feed.skipped()).containsOnly(Map.entry("duplicate id", 6), Map.entry("inactive", 15),
                Map.entry("bad time", 1), Map.entry("no time", 1));
        assertThat(feed.meetings().size() + feed.skippedTotal()).as("every entry accounted for").isEqualTo(346);
        assertThat(feed.warnings()).containsExactly(Map.entry(FeedParser.END_BEFORE_START, 1));
        assertThat(feed.readInFallbackZone()).as("the feed names no zone").isEqualTo(323);
        assertThat(feed.meetings()).allSatisfy(m -> assertThat(m.zone()).isEqualTo(CHICAGO));
    }

    @Test
    void sameNamesLongNamesPhonesAndClosedMeetingsAllSurvive() {
        assertThat(named("Daily Reflections")).hasSize(7).extracting(Meeting::slug).doesNotHaveDuplicates();
        assertThat(named("Saturday Morning Twelve Steps")).hasSize(5)
                .allSatisfy(m -> assertThat(m.slug().length()).isLessThanOrEqualTo(64))
                .extracting(Meeting::slug).doesNotHaveDuplicates();
        assertThat(named("Phone Meeting")).hasSize(20).allSatisfy(m -> {
            assertThat(m.url()).isNull();
            assertThat(m.phone()).startsWith("+1 (605) 313-51");
            assertThat(m.location()).isEqualTo("online");
        });
        assertThat(named("Closed Group")).isEmpty();
        assertThat(feed.meetings()).filteredOn(Meeting::temporarilyClosed).hasSize(13);
        assertThat(feed.meetings()).extracting(Meeting::slug).doesNotHaveDuplicates();
    }

    @Test
    void oddTimesEntitiesAndNoBreakSpacesAreReadAsMeant() {
        assertThat(named("Lunch Bunch").get(0).duration()).as("12:15-01:15 keeps the default hour")
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(named("Night Owls").get(0).duration()).isEqualTo(Duration.ofMinutes(60));
        assertThat(named("Midnight Meeting").get(0).start()).isEqualTo(LocalTime.MIDNIGHT);
        Meeting trailing = named("Trailing Space Group").get(0);
        assertThat(trailing.name()).isEqualTo("Trailing Space Group");
        assertThat(trailing.location()).isEqualTo("Community Hall");
        assertThat(trailing.notes()).isEqualTo("\"All welcome\"");
        assertThat(trailing.start()).isEqualTo(LocalTime.of(19, 30));
        assertThat(feed.meetings()).extracting(Meeting::name).contains("Hope & Recovery", "Men\u2019s Stag")
                .noneMatch(n -> n.contains("&amp;") || n.contains("&#"));
        assertThat(feed.meetings()).filteredOn(m -> m.url() != null)
                .allSatisfy(m -> assertThat(m.url()).matches("https://zoom\\.us/j/\\d+"));
    }
}
