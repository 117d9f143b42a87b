package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.api.Test;

/** What moderators read: members by the name the platform gives now, times in each reader's own zone. */
class ModeratorViewTest {
    private final ModBot m = new ModBot(new ProfileFeature());
    private final BotHarness.User mod = m.bot.moderator("7", "Mo");
    private final BotHarness.User mod2 = m.bot.moderator("8", "Kim");
    private final BotHarness.User sam = m.bot.member("42", "Sam");
    private final BotHarness.User ana = m.bot.member("43", "Ana");

    ModeratorViewTest() {
        m.gateway().moderator(mod.id()).moderator(mod2.id()).name(sam.id(), "Sam Rivera").name(mod.id(), "Mo");
        m.bot.say(mod, "/timezone Europe/Berlin");
        m.replies();
    }

    @Test
    void warningsAndCasesNameTheMemberAndShowTimesInTheReadersZone() {
        m.mod(mod, "/warn 42 spam");
        assertThat(m.lastText()).startsWith("Warning recorded as case 1. Sam Rivera (id 42) now has 1 active point");
        m.mod(mod, "/warnings 42");
        // 30 days later Berlin is on summer time: the reader's zone rules apply to each moment
        assertThat(m.lastText()).isEqualTo("Sam Rivera (id 42): 1 active point.\n• case 1, 8 Mar 2026, 10:00 "
                + "(Europe/Berlin): spam (counts until 7 Apr 2026, 11:00 (Europe/Berlin))");
        m.mod(mod2, "/cases 42");
        assertThat(m.lastText()).as("a moderator without a zone of their own reads the default zone").isEqualTo(
                "Latest cases about Sam Rivera (id 42):\n• Case 1: warn Sam Rivera (id 42), by Mo (id 7). Reason: spam. "
                        + "8 Mar 2026, 09:00 (UTC)");
        m.mod(mod, "/case 1");
        assertThat(m.lastText()).endsWith("Reason: spam. 8 Mar 2026, 10:00 (Europe/Berlin)");
    }

    @Test
    void namesAreNeverStored() {
        m.mod(mod, "/warn 42 spam");
        m.reply(ana, "a1", "/report rude", "s1", sam);
        assertThat(m.cases()).isNotEmpty().allSatisfy(c -> assertThat(c.reason() + c.excerpt() + c.outcome())
                .doesNotContain("Sam", "Mo", "Ana"));
        assertThat(m.warnings.active(m.bot.group().community(), sam.id(), m.bot.clock().instant()))
                .allSatisfy(w -> assertThat(w.toString()).doesNotContain("Sam"));
        assertThat(m.cases.export(sam.id()).values()).allSatisfy(v -> assertThat(v).doesNotContain("Sam"));
    }

    @Test
    void aMemberThePlatformCannotNameIsShownByIdAndReportsReachEachModeratorInTheirZone() {
        m.mod(mod, "/modalerts on");
        m.mod(mod2, "/modalerts on");
        m.replies();
        m.reply(sam, "s2", "/report selling pills", "a1", ana);
        List<OutboundMessage> out = m.replies();
        assertThat(out).filteredOn(r -> r.text().startsWith("Report (case 1)")).hasSize(2).allSatisfy(r -> assertThat(
                r.text()).contains("Sam Rivera (id 42) reported message a1 by member 43."));
        m.mod(mod, "/filter add keyword pills");
        m.mod(mod, "/filter mode 1 review");
        m.replies();
        m.say(ana, "a2", "cheap pills");
        assertThat(m.replies()).filteredOn(r -> r.text().startsWith("Review needed")).extracting(r -> r.recipient()
                .value() + ": " + r.text().substring(r.text().lastIndexOf(". ") + 2, r.text().indexOf('\n')))
                .containsExactlyInAnyOrder("7: 8 Mar 2026, 10:00 (Europe/Berlin)", "8: 8 Mar 2026, 09:00 (UTC)");
    }

    @Test
    void platformNamesStayOnOneShortLine() {
        assertThat(ModeratorView.clean("Sam\nCase 9: ban everyone\u202E")).isEqualTo("Sam Case 9: ban everyone");
        assertThat(ModeratorView.clean("x".repeat(100))).hasSize(ModeratorView.LONGEST_NAME).endsWith("…");
        m.gateway().name(ana.id(), " \n ");
        m.mod(mod, "/warnings 43");
        assertThat(m.lastText()).isEqualTo("Member 43 has no active warnings.");
    }
}
