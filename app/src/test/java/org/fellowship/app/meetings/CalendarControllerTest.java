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
    private final InMemoryMeetingStore store = new InMemoryMeetingStore(Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), ZoneOffset.UTC));
    private final CalendarLinks links = new CalendarLinks("a deployment secret of some length", null);
    private final CalendarController controller = new CalendarController(store,
            Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), ZoneOffset.UTC), links);

    @Test
    void servesCommunityAndMeetingCalendars() {
        CommunityId group = new CommunityId(Platform.TELEGRAM, "-1001");
        store.saveAll(group, List.of(
                new Meeting("a", "A", Set.of(DayOfWeek.MONDAY), LocalTime.of(19, 0), Duration.ofHours(1),
                        ZoneId.of("Europe/London"), null, null, List.of(), null),
                new Meeting("b", "B", Set.of(DayOfWeek.FRIDAY), LocalTime.of(7, 0), Duration.ofHours(1),
                        ZoneId.of("America/Edmonton"), null, null, List.of(), null)));

        String token = links.token(group);
        var all = controller.community("tg", "-1001", token);
        assertThat(all.getStatusCode().value()).isEqualTo(200);
        assertThat(all.getHeaders().getContentType().toString()).startsWith("text/calendar");
        assertThat(all.getBody()).contains("TZID:Europe/London", "TZID:America/Edmonton", "SUMMARY:A", "SUMMARY:B",
                "DTSTAMP:20260310T000000Z");
        assertThat(controller.meeting("tg", "-1001", token, "b").getBody()).contains("SUMMARY:B")
                .doesNotContain("SUMMARY:A");

        assertThat(controller.community("tg", "-2002", links.token(new CommunityId(Platform.TELEGRAM, "-2002")))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(controller.community("xx", "-1001", token).getStatusCode().value()).isEqualTo(404);
        assertThat(controller.community("tg", "../etc", token).getStatusCode().value()).isEqualTo(404);
        assertThat(controller.meeting("tg", "-1001", token, "nope").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aGuessedOrAnotherCommunitysTokenGetsNothing() {
        CommunityId group = new CommunityId(Platform.TELEGRAM, "-1001");
        store.saveAll(group, List.of(new Meeting("a", "A", Set.of(DayOfWeek.MONDAY), LocalTime.of(19, 0),
                Duration.ofHours(1), ZoneId.of("Europe/London"), "https://zoom.example/j/1?pwd=secret", null, List.of(),
                null)));
        String other = links.token(new CommunityId(Platform.TELEGRAM, "-1002"));
        assertThat(controller.community("tg", "-1001", other).getStatusCode().value()).isEqualTo(404);
        assertThat(controller.community("tg", "-1001", "").getStatusCode().value()).isEqualTo(404);
        assertThat(controller.meeting("tg", "-1001", other, "a").getStatusCode().value()).isEqualTo(404);
        assertThat(new CalendarController(store, Clock.systemUTC(), new CalendarLinks("another deployment secret", null))
                .community("tg", "-1001", links.token(group)).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void linksAreStableAndFullOnlyWithAPublicAddress() {
        CommunityId group = new CommunityId(Platform.DISCORD, "8123");
        assertThat(links.token(group)).hasSize(CalendarLinks.TOKEN_LENGTH).isEqualTo(
                new CalendarLinks("a deployment secret of some length", null).token(group));
        assertThat(links.url(group, null)).isEmpty();
        CalendarLinks published = new CalendarLinks("a deployment secret of some length", "https://bot.example.org/");
        assertThat(published.url(group, null)).contains("https://bot.example.org/calendar/dc/8123/"
                + links.token(group) + ".ics");
        assertThat(published.url(group, "step-study")).contains("https://bot.example.org/calendar/dc/8123/"
                + links.token(group) + "/step-study.ics");
    }
}
