package org.fellowship.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ClockTimePropertiesTest {

    @Property(tries = 300)
    void everyTimeOfDayReadsBackWithOrWithoutALeadingZero(@ForAll @IntRange(max = 23) int hour,
                                                         @ForAll @IntRange(max = 59) int minute) {
        LocalTime time = LocalTime.of(hour, minute);
        assertThat(ClockTime.parse(time.toString())).contains(time);
        assertThat(ClockTime.parse(hour + ":" + String.format("%02d", minute))).contains(time);
        assertThat(ClockTime.parse(" " + time + "\t")).contains(time);
    }

    @Property(tries = 300)
    void hoursFrom24AndMinutesFrom60AreNoTime(@ForAll @IntRange(max = 99) int hour,
                                              @ForAll @IntRange(max = 99) int minute) {
        if (hour > 23 || minute > 59) {
            assertThat(ClockTime.parse(hour + ":" + String.format("%02d", minute))).isEmpty();
        }
    }

    @Example
    void otherShapesAreNoTime() {
        for (String text : new String[] {"", "7", "7.30", "7:3", "07:300", "123:00", "07:30 pm", "-1:00", "07h30",
                "٠٧:٣٠"}) {
            assertThat(ClockTime.parse(text)).as(text).isEmpty();
        }
    }
}
