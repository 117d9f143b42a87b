package org.fellowship.core.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fellowship.core.meeting.feed.ParsedFeed;
import org.junit.jupiter.api.Test;

class ImportSummaryTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static Meeting meeting(String slug) {
        return new Meeting(slug, slug, Set.of(DayOfWeek.MONDAY), LocalTime.NOON, Duration.ofHours(1), UTC, null,
                null, List.of(), null);
    }

    @Test
    void warningsAreReportedOnlyWhenThereAreSome() {
        ParsedFeed clean = new ParsedFeed(List.of(), Map.of("no time", 1));
        assertThat(new ImportSummary(3, 2, 5, 1, clean, UTC, false).text())
                .isEqualTo("Imported 3, skipped 1 (no time), updated 2, removed 1, unchanged 5.");
        ParsedFeed warned = new ParsedFeed(List.of(), Map.of(), Map.of("end time before start, ignored", 2), 0);
        assertThat(new ImportSummary(1, 0, 0, 0, warned, UTC, false).text())
                .isEqualTo("Imported 1, skipped 0, updated 0. Warnings: 2 (end time before start, ignored).");
    }

    @Test
    void aFeedWithoutZoneIsSaidPlainlyWithTheZoneItsTimesWereReadIn() {
        ParsedFeed unzoned = new ParsedFeed(List.of(meeting("a"), meeting("b")), Map.of("inactive", 1), Map.of(), 2);
        assertThat(new ImportSummary(2, 0, 0, 0, unzoned, UTC, false).text()).isEqualTo("This feed names no time "
                + "zone; its times are read as Z: set /meetings zone <Area/City> and import again if that is wrong. "
                + "Imported 2, skipped 1 (inactive), updated 0.");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ParsedFeed partly = new ParsedFeed(List.of(meeting("a"), meeting("b")), Map.of(), Map.of(), 1);
        ImportSummary withGroupZone = new ImportSummary(2, 0, 0, 0, partly, berlin, true);
        assertThat(withGroupZone.text()).isEqualTo("1 of this feed's meetings name no time zone; their times are "
                + "read as Europe/Berlin, this group's zone (/meetings zone <Area/City> and import again to change "
                + "it). Imported 2, skipped 0, updated 0.");
        assertThat(withGroupZone.counts()).as("the daily refresh reports the counts only")
                .isEqualTo("Imported 2, skipped 0, updated 0.");
    }
}
