package org.fellowship.core.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.meeting.feed.FeedSource;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.PlatformCapabilities;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** {@code /meetings import} with an uploaded feed file, and {@code /meetings ics} sending a calendar file. */
class MeetingsFileTest {
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    private final InMemoryMeetingStore store = new InMemoryMeetingStore(MutableClock.at("2026-03-09T08:00:00Z"));
    private final FakeChatGateway gateway = FakeChatGateway.telegram();
    private final List<String> fetched = new java.util.ArrayList<>();
    /** Stands in for the app's ical4j renderer: one line per meeting, so tests can see what was rendered. */
    private final CalendarExport calendar = (community, meetings, stamp) -> "BEGIN:VCALENDAR\r\n"
            + String.join("", meetings.stream().map(m -> "SUMMARY:" + m.name() + "\r\n").toList()) + "END:VCALENDAR\r\n";

    private BotHarness bot() {
        return bot(calendar);
    }

    private BotHarness bot(CalendarExport export) {
        FeedSource source = url -> {
            fetched.add(url);
            return "[]";
        };
        return BotHarness.builder().gateway(gateway).clock(MutableClock.at("2026-03-09T08:00:00Z"))
                .feature(new MeetingsFeature(store, source, export)).build();
    }

    private Attachment upload(String ref, String sharedFeed) {
        return gateway.upload(ref, sharedFeed, "application/json",
                SharedFeeds.read(sharedFeed).getBytes(StandardCharsets.UTF_8));
    }

    private static String last(BotHarness bot) {
        List<OutboundMessage> replies = bot.replies();
        assertThat(replies).isNotEmpty();
        return replies.get(replies.size() - 1).text();
    }

    @Test
    void aModeratorImportsTheEdmontonFeedFromAnUploadedFileOnceWithoutRememberingIt() {
        BotHarness bot = bot();
        var mod = bot.moderator("1", "Mo");
        bot.sendFilesInGroup(mod, "/meetings import", List.of(upload("doc-1", "edmonton.json")), List.of());
        assertThat(last(bot)).isEqualTo(MeetingsFeatureTest.IN_UTC + "Imported 315, skipped 0, updated 0.");
        assertThat(store.meetings(GROUP)).hasSize(315);
        assertThat(gateway.downloads()).containsExactly("doc-1");
        assertThat(store.feedUrl(GROUP)).as("only URLs are refreshed").isEmpty();
        assertThat(bot.core().context().dueQueue().size()).as("no daily refresh of a file").isZero();
        assertThat(fetched).isEmpty();

        // The same file again, this time as a reply to the message that carries it.
        bot.sendFilesInGroup(mod, "/meetings import", List.of(), List.of(upload("doc-1", "edmonton.json")));
        assertThat(last(bot))
                .isEqualTo(MeetingsFeatureTest.IN_UTC + "Imported 0, skipped 0, updated 0, unchanged 315.");
    }

    @Test
    void aNativeCommandWithAFileIsHandledLikeTheTypedOne() {
        BotHarness bot = bot();
        var mod = bot.moderator("1", "Mo");
        Attachment file = upload("doc-2", "times.json");
        bot.deliver(new CommandInvoked("c1", bot.group(), new org.fellowship.core.model.Member(mod.id(), "Mo", true,
                false, false), Instant.parse("2026-03-09T08:00:00Z"), new MessageRef(bot.group().id(), "m1"),
                "meetings", "import", null, null, List.of(file), List.of()));
        assertThat(last(bot)).isEqualTo(MeetingsFeatureTest.IN_UTC + "Imported 8, skipped 1 (no time), updated 0.");
    }

    @Test
    void aMalformedFeedFileGetsOneClearLineAndChangesNothing() {
        BotHarness bot = bot();
        var mod = bot.moderator("1", "Mo");
        bot.sendFilesInGroup(mod, "/meetings import", List.of(upload("ok", "atlanta.json")), List.of());
        bot.replies();
        List<Meeting> before = store.meetings(GROUP);
        assertThat(before).isNotEmpty();

        bot.sendFilesInGroup(mod, "/meetings import", List.of(upload("bad", "invalid.json")), List.of());
        assertThat(last(bot)).startsWith("That feed is not valid JSON at line ").endsWith("Nothing was changed.")
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(store.meetings(GROUP)).isEqualTo(before);

        Attachment binary = gateway.upload("bin", "feed.json", null, new byte[] {(byte) 0xC3, (byte) 0x28, '[', ']'});
        bot.sendFilesInGroup(mod, "/meetings import", List.of(binary), List.of());
        assertThat(last(bot)).isEqualTo("That file is not UTF-8 text, so it is not a Meeting Guide JSON feed. "
                + "Nothing was changed.");
        assertThat(store.meetings(GROUP)).isEqualTo(before);
    }

    @Test
    void anOversizedFileIsRefusedAndNothingChanges() {
        BotHarness bot = bot();
        var mod = bot.moderator("1", "Mo");
        String tooLarge = "That file is larger than 5 MB, the most I import. Nothing was changed.";
        // The platform reported the size: refused without downloading.
        Attachment reported = new Attachment("huge.json", "application/json", 6_000_000, "huge");
        bot.sendFilesInGroup(mod, "/meetings import", List.of(reported), List.of());
        assertThat(last(bot)).isEqualTo(tooLarge);
        assertThat(gateway.downloads()).isEmpty();

        // Size unknown: the download is cut off at the cap.
        byte[] big = new byte[FeedImportCommand.MAX_UPLOAD_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Attachment uploaded = gateway.upload("big", "big.json", null, big);
        bot.sendFilesInGroup(mod, "/meetings import", List.of(new Attachment("big.json", null,
                Attachment.UNKNOWN_SIZE, uploaded.platformFileRef())), List.of());
        assertThat(last(bot)).isEqualTo(tooLarge);
        assertThat(store.meetings(GROUP)).isEmpty();
    }

    @Test
    void onlyModeratorsImportFilesAndFailuresAreOneLine() {
        BotHarness bot = bot();
        var sam = bot.member("42", "Sam");
        bot.sendFilesInGroup(sam, "/meetings import", List.of(upload("doc", "atlanta.json")), List.of());
        assertThat(last(bot)).isEqualTo("/meetings import is for moderators of this group.");
        assertThat(gateway.downloads()).as("not even fetched").isEmpty();

        var mod = bot.moderator("1", "Mo");
        gateway.failNext("download", new GatewayException(GatewayException.Reason.UNAVAILABLE, "timeout"));
        bot.sendFilesInGroup(mod, "/meetings import", List.of(upload("doc", "atlanta.json")), List.of());
        assertThat(last(bot)).isEqualTo("I couldn't fetch that file just now; please try again in a moment. "
                + "Nothing was changed.");
        bot.sendFilesInGroup(mod, "/meetings import", List.of(new Attachment("x.json", null, 10, "gone")), List.of());
        assertThat(last(bot)).isEqualTo("That file is no longer available; please send it again. Nothing was changed.");
        bot.sayInGroup(mod, "/meetings import");
        assertThat(last(bot)).contains("send the feed's .json file with /meetings import as its caption");
        assertThat(store.meetings(GROUP)).isEmpty();
    }

    @Test
    void icsSendsTheCommunityOrOneMeetingAsACalendarFileInTheChat() {
        BotHarness bot = bot();
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(sam, "/meetings ics");
        assertThat(last(bot)).isEqualTo("No meetings are scheduled here yet, so there is no calendar to send.");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 Europe/Berlin | 90");
        bot.sayInGroup(mod, "/meetings add Late | daily | 23:30 UTC | 30");
        bot.replies();

        bot.sayInGroup(sam, "/meetings ics");
        OutboundMessage all = bot.replies().get(0);
        assertThat(all.to()).isEqualTo(bot.group().id());
        assertThat(all.delivery()).isEqualTo(Delivery.PUBLIC);
        assertThat(all.replyTo()).isNotNull();
        assertThat(all.text()).isEqualTo("Calendar file with all 2 meetings here: open it to add them to your "
                + "calendar.");
        assertThat(all.file().fileName()).isEqualTo("meetings.ics");
        assertThat(all.file().mediaType()).isEqualTo("text/calendar");
        assertThat(new String(all.file().bytes(), StandardCharsets.UTF_8)).contains("SUMMARY:Step Study", "SUMMARY:Late");

        bot.sayInGroup(sam, "/meetings ics step");
        OutboundMessage one = bot.replies().get(0);
        assertThat(one.file().fileName()).isEqualTo("step-study.ics");
        assertThat(one.text()).startsWith("Calendar file for Step Study");
        assertThat(new String(one.file().bytes(), StandardCharsets.UTF_8)).contains("SUMMARY:Step Study")
                .doesNotContain("Late");

        bot.sayInGroup(sam, "/meetings ics nothing");
        assertThat(last(bot)).startsWith("I don't know a meeting called \"nothing\".");
    }

    @Test
    void aChatThatCannotTakeFilesGetsTheLinkOrANoteInstead() {
        CalendarExport linked = new CalendarExport() {
            @Override
            public String render(CommunityId community, List<Meeting> meetings, Instant stamp) {
                return calendar.render(community, meetings, stamp);
            }

            @Override
            public java.util.Optional<String> link(CommunityId community, String slug) {
                return java.util.Optional.of("https://bot.example/calendar/tg/" + community.value() + ".ics");
            }
        };
        gateway.capabilities(new PlatformCapabilities(Platform.TELEGRAM, 4096, true, 8, 100, false, false, true, true));
        BotHarness bot = bot(linked);
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.replies();
        bot.sayInGroup(mod, "/meetings ics");
        OutboundMessage sent = bot.replies().get(0);
        assertThat(sent.file()).isNull();
        assertThat(sent.text()).contains("subscribe in your calendar app instead")
                .endsWith("\n\nmeetings.ics: https://bot.example/calendar/tg/-1001.ics");

        BotHarness unlinked = BotHarness.builder().gateway(gateway).clock(MutableClock.at("2026-03-09T08:00:00Z"))
                .feature(new MeetingsFeature(store, url -> "[]", calendar)).build();
        unlinked.sayInGroup(mod, "/meetings ics step");
        assertThat(unlinked.lastReply().text()).endsWith("(step-study.ics could not be attached here.)");
    }

    @Test
    void withoutACalendarRendererIcsSaysSo() {
        BotHarness bot = bot(CalendarExport.NONE);
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.sayInGroup(mod, "/meetings ics");
        assertThat(last(bot)).isEqualTo("Calendar files are not available here.");
    }
}
