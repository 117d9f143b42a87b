package org.fellowship.app.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.fellowship.core.meeting.MeetingsFeature;
import org.fellowship.core.meeting.SharedFeeds;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** {@code /meetings ics} through the engine with the real ical4j export: the file a member gets parses back. */
class IcsFileCommandTest {
    private final MutableClock clock = MutableClock.at("2026-03-20T12:00:00Z");
    private final InMemoryMeetingStore store = new InMemoryMeetingStore(clock);
    private final FakeChatGateway gateway = FakeChatGateway.telegram();
    private final BotHarness bot = BotHarness.builder().gateway(gateway).clock(clock)
            .feature(new MeetingsFeature(store, url -> "[]", new IcsCalendarExport())).build();

    private static Calendar parse(OutboundMessage sent) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(sent.file().bytes(), StandardCharsets.UTF_8)));
    }

    private static List<Instant> occurrences(Calendar calendar, String summary, String from, String to) {
        VEvent event = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getSummary().getValue().equals(summary)).findFirst().orElseThrow();
        Set<Period<Temporal>> periods = event.calculateRecurrenceSet(new Period<>(ZonedDateTime.parse(from),
                ZonedDateTime.parse(to)));
        return periods.stream().map(p -> Instant.from(p.getStart())).sorted().toList();
    }

    @Test
    void theSentIcsParsesBackWithTheMeetingsOccurrencesAcrossDst() throws Exception {
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings add Weekend Sharing | sat,sun | 10:00 Europe/Berlin | 60 | Hall 2");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC | 90");
        bot.replies();

        bot.sayInGroup(bot.member("42", "Sam"), "/meetings ics weekend");
        OutboundMessage one = bot.replies().get(0);
        assertThat(one.file().fileName()).isEqualTo("weekend-sharing.ics");
        Calendar single = parse(one);
        assertThat(single.getComponents("VEVENT")).hasSize(1);
        // Europe/Berlin springs forward on 29 March 2026: same local 10:00, one hour earlier in UTC
        assertThat(occurrences(single, "Weekend Sharing", "2026-03-21T00:00:00Z[UTC]", "2026-03-30T00:00:00Z[UTC]"))
                .containsExactly(Instant.parse("2026-03-21T09:00:00Z"), Instant.parse("2026-03-22T09:00:00Z"),
                        Instant.parse("2026-03-28T09:00:00Z"), Instant.parse("2026-03-29T08:00:00Z"));

        bot.sayInGroup(bot.member("42", "Sam"), "/meetings ics");
        OutboundMessage all = bot.replies().get(0);
        assertThat(all.file().fileName()).isEqualTo("meetings.ics");
        Calendar both = parse(all);
        assertThat(both.getComponents("VEVENT")).hasSize(2);
        assertThat(occurrences(both, "Step Study", "2026-03-23T00:00:00Z[UTC]", "2026-03-30T00:00:00Z[UTC]"))
                .containsExactly(Instant.parse("2026-03-23T19:30:00Z"), Instant.parse("2026-03-26T19:30:00Z"));
    }

    @Test
    void anImportedFeedFileComesBackAsACalendarOfEveryMeeting() throws Exception {
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings zone America/Edmonton");
        Attachment feed = gateway.upload("doc", "edmonton.json", "application/json",
                SharedFeeds.read("edmonton.json").getBytes(StandardCharsets.UTF_8));
        bot.sendFilesInGroup(mod, "/meetings import", List.of(feed), List.of());
        assertThat(bot.lastReply().text()).isEqualTo("This feed names no time zone; its times are read as "
                + "America/Edmonton, this group's zone (/meetings zone <Area/City> and import again to change it). "
                + "Imported 315, skipped 0, updated 0.");
        bot.replies();

        bot.sayInGroup(mod, "/meetings ics");
        OutboundMessage sent = bot.replies().get(0);
        assertThat(sent.file().size()).isLessThan((int) gateway.capabilities().maxFileBytes());
        assertThat(parse(sent).getComponents("VEVENT")).hasSize(315);
    }
}
