package org.fellowship.core.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of weekly occurrences. */
class MeetingPropertiesTest {

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("Europe/Berlin", "America/New_York", "America/Edmonton", "Australia/Sydney",
                "Asia/Kolkata", "Pacific/Chatham", "UTC").map(ZoneId::of);
    }

    @Property
    void occurrencesAreOnTheWeekdaysAtLocalTimeUnlessSkipped(@ForAll("zones") ZoneId zone,
            @ForAll @Size(min = 1, max = 7) Set<DayOfWeek> days, @ForAll @IntRange(max = 23) int hour,
            @ForAll @IntRange(max = 59) int minute, @ForAll @IntRange(max = 730) int dayOffset) {
        LocalTime start = LocalTime.of(hour, minute);
        Meeting m = new Meeting("m", "M", days, start, Duration.ofHours(1), zone, null, null, List.of(), null);
        // One local week (an absolute 7 x 24 h window across a DST change may hold one more or one fewer).
        java.time.LocalDate first = java.time.LocalDate.of(2026, 1, 1).plusDays(dayOffset);
        Instant from = first.atStartOfDay(zone).toInstant();
        List<Occurrence> week = m.occurrences(from, first.plusDays(7).atStartOfDay(zone).toInstant());
        assertThat(week).hasSize(days.size());
        for (Occurrence o : week) {
            ZonedDateTime local = o.start();
            assertThat(days).contains(local.getDayOfWeek());
            boolean valid = zone.getRules().isValidOffset(local.toLocalDateTime().with(start), local.getOffset())
                    || !zone.getRules().getValidOffsets(local.toLocalDate().atTime(start)).isEmpty();
            if (!zone.getRules().getValidOffsets(local.toLocalDate().atTime(start)).isEmpty()) {
                assertThat(local.toLocalTime()).isEqualTo(start);
            } else {
                assertThat(valid).isFalse();
                assertThat(local.toLocalTime()).isAfter(start); // a skipped time moves forward
            }
        }
        assertThat(m.nextAfter(from).instant()).isAfter(from);
    }
}
