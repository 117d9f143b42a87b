package org.fellowship.core.meeting.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the feed's time parsing (also what {@code /meetings add} reads). */
class FeedTimePropertiesTest {

    @Property
    void twentyFourHourTimesRoundTrip(@ForAll @IntRange(max = 23) int hour, @ForAll @IntRange(max = 59) int minute) {
        assertThat(FeedParser.time(String.format("%02d:%02d", hour, minute))).isEqualTo(LocalTime.of(hour, minute));
    }

    @Property
    void twelveHourTimesMatchTwentyFourHourTimes(@ForAll @IntRange(max = 23) int hour,
                                                 @ForAll @IntRange(max = 59) int minute) {
        int h12 = hour % 12 == 0 ? 12 : hour % 12;
        String text = h12 + ":" + String.format("%02d", minute) + (hour < 12 ? " AM" : " PM");
        assertThat(FeedParser.time(text)).isEqualTo(LocalTime.of(hour, minute));
    }
}
