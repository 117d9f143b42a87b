package org.fellowship.core.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** A realistic Meeting Guide feed imported, then listed: inactive, temporarily closed and dial-in meetings. */
class FeedDisplayTest {
    private final InMemoryMeetingStore store = new InMemoryMeetingStore(MutableClock.at("2026-03-09T08:00:00Z"));

    private BotHarness bot() {
        return BotHarness.builder().clock(MutableClock.at("2026-03-09T08:00:00Z")).feature(new ProfileFeature())
                .feature(new MeetingsFeature(store, url -> "[]")).build();
    }

    private static String fixture() {
        try (InputStream in = FeedDisplayTest.class.getResourceAsStream("/feeds/meeting-guide-district.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String last(BotHarness bot) {
        List<OutboundMessage> replies = bot.replies();
        assertThat(replies).isNotEmpty();
        return replies.get(replies.size() - 1).text();
    }

    @Test
    void theImportSaysWhichZoneItUsedAndCountsInactiveMeetings() {
        BotHarness bot = bot();
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings zone America/Toronto");
        bot.sayInGroup(mod, "/meetings import " + fixture());
        assertThat(last(bot)).isEqualTo("This feed names no time zone; its times are read as America/Toronto, this "
                + "group's zone (/meetings zone <Area/City> and import again to change it). Imported 4, skipped 1 "
                + "(inactive), updated 0.");
        assertThat(store.meetings(bot.group().community())).extracting(Meeting::slug)
                .doesNotContain("saturday-beginners").hasSize(4);
    }

    @Test
    void listingsShowTheDialInAndTemporarilyClosedInPlainWords() {
        BotHarness bot = bot();
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings zone America/Toronto");
        bot.sayInGroup(mod, "/meetings import " + fixture());
        bot.say(mod, "/timezone America/Toronto");
        bot.replies();

        bot.sayInGroup(mod, "/meetings");
        String week = last(bot);
        assertThat(week).contains("19:30 Thursday Step Study (temporarily closed) [thursday-step-study]",
                "21:00 Sunday Night Phone Meeting [sunday-night-phone-meeting] dial-in +1 (605) 313-5164,,7712345#",
                "Lakeside Early Risers [lakeside-early-risers] https://us02web.zoom.us/j/81234567890?pwd=ZXhhbXBsZQ "
                        + "dial-in +16465588656,,81234567890#,,,,*1935#");

        bot.sayInGroup(mod, "/meeting sunday-night-phone-meeting");
        assertThat(last(bot)).contains("Dial-in: +1 (605) 313-5164,,7712345#", "Where: online")
                .doesNotContain("Online: ");
        bot.sayInGroup(mod, "/meeting thursday step study");
        assertThat(last(bot)).startsWith("Thursday Step Study (temporarily closed)\nThu 19:30-20:30 America/Toronto")
                .contains("Types: C, ST, temporarily closed");
    }
}
