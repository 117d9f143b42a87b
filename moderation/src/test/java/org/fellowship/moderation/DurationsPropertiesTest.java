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
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }

    @Property(tries = 200)
    void theShortestExactFormUsesTheLargestUnitThatDividesIt(@ForAll @IntRange(min = 1, max = 100_000) int seconds) {
        String written = Durations.format(Duration.ofSeconds(seconds));
        long perUnit = switch (written.charAt(written.length() - 1)) {
            case 'd' -> 86_400;
            case 'h' -> 3_600;
            case 'm' -> 60;
            default -> 1;
        };
        assertThat(Long.parseLong(written.substring(0, written.length() - 1)) * perUnit).isEqualTo(seconds);
        long[] larger = {60, 3_600, 86_400};
        for (long unit : larger) {
            if (unit > perUnit) {
                assertThat(seconds % unit).as(written).isNotZero();
            }
        }
    }

    @Example
    void otherShapesAreNoDuration() {
        for (String text : new String[] {"", "10", "m", "1w", "1.5h", "1234567s", "-5m", "10 m", "mute:1h"}) {
            assertThat(Durations.parse(text)).as(text).isNull();
        }
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
