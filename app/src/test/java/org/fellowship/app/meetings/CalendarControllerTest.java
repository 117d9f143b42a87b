package org.fellowship.app.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.junit.jupiter.api.Test;

class CalendarControllerTest {
    private final InMemoryMeetingStore store = new InMemoryMeetingStore();
    private final CalendarController controller = new CalendarController(store,
            Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), ZoneOffset.UTC));

    @Test
    void servesCommunityAndMeetingCalendars() {
        CommunityId group = new CommunityId(Platform.TELEGRAM, "-1001");
        store.saveAll(group, List.of(
                new Meeting("a", "A", Set.of(DayOfWeek.MONDAY), LocalTime.of(19, 0), Duration.ofHours(1),
                        ZoneId.of("Europe/London"), null, null, List.of(), null),
                new Meeting("b", "B", Set.of(DayOfWeek.FRIDAY), LocalTime.of(7, 0), Duration.ofHours(1),
                        ZoneId.of("America/Edmonton"), null, null, List.of(), null)));

        var all = controller.community("tg", "-1001");
        assertThat(all.getStatusCode().value()).isEqualTo(200);
        assertThat(all.getHeaders().getContentType().toString()).startsWith("text/calendar");
        assertThat(all.getBody()).contains("TZID:Europe/London", "TZID:America/Edmonton", "SUMMARY:A", "SUMMARY:B",
                "DTSTAMP:20260310T000000Z");
        assertThat(controller.meeting("tg", "-1001", "b").getBody()).contains("SUMMARY:B").doesNotContain("SUMMARY:A");

        assertThat(controller.community("tg", "-2002").getStatusCode().value()).isEqualTo(404);
        assertThat(controller.community("xx", "-1001").getStatusCode().value()).isEqualTo(404);
        assertThat(controller.community("tg", "../etc").getStatusCode().value()).isEqualTo(404);
        assertThat(controller.meeting("tg", "-1001", "nope").getStatusCode().value()).isEqualTo(404);
    }
}
