package org.fellowship.core.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fellowship.core.meeting.feed.ParsedFeed;
import org.junit.jupiter.api.Test;

class ImportSummaryTest {
    @Test
    void warningsAreReportedOnlyWhenThereAreSome() {
        ParsedFeed clean = new ParsedFeed(List.of(), Map.of("no time", 1));
        assertThat(new ImportSummary(3, 2, 5, 1, clean).text())
                .isEqualTo("Imported 3, skipped 1 (no time), updated 2, removed 1, unchanged 5.");
        ParsedFeed warned = new ParsedFeed(List.of(), Map.of(), Map.of("end time before start, ignored", 2));
        assertThat(new ImportSummary(1, 0, 0, 0, warned).text())
                .isEqualTo("Imported 1, skipped 0, updated 0. Warnings: 2 (end time before start, ignored).");
    }
}
