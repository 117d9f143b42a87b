package org.fellowship.core.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeetingTest {
    private static Meeting at(String time, String zone, DayOfWeek... days) {
        return new Meeting("m", "M", Set.of(days), LocalTime.parse(time), Duration.ofHours(1), ZoneId.of(zone),
                null, null, List.of(), null);
    }

    @Test
    void localTimeHoldsAcrossDst() {
        Meeting m = at("19:00", "America/New_York", DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(m.occurrences(Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z")))
                .extracting(Occurrence::instant)
                .containsExactly(Instant.parse("2026-03-08T00:00:00Z"), Instant.parse("2026-03-08T23:00:00Z"));
    }

    @Test
    void skippedTimeStartsAtTheNextValidTimeAndARepeatedHourOnce() {
        Meeting gap = at("02:30", "Europe/Berlin", DayOfWeek.SUNDAY);
        assertThat(gap.occurrences(Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")))
                .extracting(o -> o.start().toLocalTime(), Occurrence::instant)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalTime.of(3, 30),
                        Instant.parse("2026-03-29T01:30:00Z")));
        Meeting overlap = at("02:30", "Europe/Berlin", DayOfWeek.SUNDAY);
        assertThat(overlap.occurrences(Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z")))
                .extracting(Occurrence::instant).containsExactly(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void nextAfterIsStrictlyLater() {
        Meeting m = at("19:00", "UTC", DayOfWeek.MONDAY);
        Instant monday = Instant.parse("2026-03-09T19:00:00Z");
        assertThat(m.nextAfter(monday.minusSeconds(1)).instant()).isEqualTo(monday);
        assertThat(m.nextAfter(monday).instant()).isEqualTo(monday.plus(Duration.ofDays(7)));
    }
}
