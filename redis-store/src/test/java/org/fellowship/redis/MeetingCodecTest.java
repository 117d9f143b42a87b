package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.fellowship.core.meeting.Meeting;
import org.junit.jupiter.api.Test;

class MeetingCodecTest {
    private final MeetingCodec codec = new MeetingCodec();

    @Test
    void theDialInRoundTripsAndRecordsFromBeforeItReadWithout() {
        Meeting phoneOnly = new Meeting("sunday-phone", "Sunday Phone", Set.of(DayOfWeek.SUNDAY), LocalTime.of(21, 0),
                Duration.ofMinutes(60), ZoneId.of("America/Toronto"), null, "online", List.of("C", "Ag"), null,
                "+1 (605) 313-5164,,7712345#");
        String json = codec.writeMeeting(phoneOnly);
        assertThat(json).contains("\"phone\":\"+1 (605) 313-5164,,7712345#\"", "\"types\":[\"C\",\"Ag\"]");
        assertThat(codec.readMeeting(json)).isEqualTo(phoneOnly);

        String older = "{\"v\":1,\"slug\":\"a\",\"name\":\"A\",\"days\":[1],\"start\":\"19:00\",\"minutes\":60,"
                + "\"zone\":\"Europe/Berlin\",\"url\":null,\"location\":\"Hall\",\"types\":[\"O\"],\"notes\":null}";
        assertThat(codec.readMeeting(older).phone()).isNull();
        assertThat(codec.readMeeting(older).location()).isEqualTo("Hall");
    }
}
