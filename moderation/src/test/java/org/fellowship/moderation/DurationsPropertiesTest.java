package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Durations as moderators type them ({@code 30s 10m 2h 7d}) read back exactly as the bot writes them. */
class DurationsPropertiesTest {

    @Provide
    Arbitrary<ChronoUnit> units() {
        return Arbitraries.of(ChronoUnit.SECONDS, ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS);
    }

    @Property(tries = 500)
    void whatTheBotWritesReadsBackAsTheSameDuration(@ForAll @IntRange(max = 999_999) int amount,
                                                    @ForAll("units") ChronoUnit unit) {
        Duration d = Duration.of(amount, unit);
        String typed = amount + unit.toString().substring(0, 1).toLowerCase(java.util.Locale.ROOT);
        assertThat(Durations.parse(typed)).isEqualTo(d);
        assertThat(Durations.parse(" " + typed.toUpperCase(java.util.Locale.ROOT) + " ")).isEqualTo(d);
    }

    @Property(tries = 200)
    void wordsUseTheLargestUnitThatDividesIt(@ForAll @IntRange(min = 1, max = 100_000) int seconds) {
        String written = Durations.words(Duration.ofSeconds(seconds));
        String[] parts = written.split(" ");
        assertThat(parts).as(written).hasSize(2);
        long amount = Long.parseLong(parts[0]);
        String unit = parts[1].endsWith("s") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
        assertThat(parts[1]).as("plural only for more than one").isEqualTo(amount == 1 ? unit : unit + "s");
        long perUnit = switch (unit) {
            case "day" -> 86_400;
            case "hour" -> 3_600;
            case "minute" -> 60;
            case "second" -> 1;
            default -> throw new AssertionError("unknown unit in " + written);
        };
        assertThat(amount * perUnit).isEqualTo(seconds);
        long[] larger = {60, 3_600, 86_400};
        for (long bigger : larger) {
            if (bigger > perUnit) {
                assertThat(seconds % bigger).as(written).isNotZero();
            }
        }
    }

    @Example
    void otherShapesAreNoDuration() {
        for (String text : new String[] {"", "10", "m", "1w", "1.5h", "1234567s", "-5m", "10 m", "mute:1h"}) {
            assertThat(Durations.parse(text)).as(text).isNull();
        }
        assertThat(Durations.words(Duration.ZERO)).isEqualTo("0 seconds");
        assertThat(Durations.words(Duration.ofDays(30))).isEqualTo("30 days");
        assertThat(Durations.words(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(Durations.words(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    }
}
