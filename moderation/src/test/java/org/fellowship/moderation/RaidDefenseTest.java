package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.api.Test;

class RaidDefenseTest {
    private final ModBot m = new ModBot();
    private final BotHarness.User mod = m.bot.moderator("7", "Mo");
    private final BotHarness.User mod2 = m.bot.moderator("8", "Kim");
    private final BotHarness.User sam = m.bot.member("42", "Sam");
    private final BotHarness.User ana = m.bot.member("43", "Ana");
    private int joiners;

    RaidDefenseTest() {
        m.gateway().moderator(mod.id()).moderator(mod2.id());
    }

    /** {@code count} new members join, one a second. */
    private void joins(int count) {
        for (int i = 0; i < count; i++) {
            joiners++;
            m.bot.join(m.bot.member(Integer.toString(500 + joiners), "New" + joiners));
            m.bot.advance(Duration.ofSeconds(1));
        }
    }

    private List<OutboundMessage> raidAlerts(List<OutboundMessage> sent) {
        return sent.stream().filter(r -> r.text().startsWith("Raid mode is on")).toList();
    }

    private long mutes() {
        return m.kinds().stream().filter(k -> k.equals("mute")).count();
    }

    @Test
    void detectionIsOffByDefaultAndJoinsAreUntouched() {
        m.mod(mod, "/raid");
        assertThat(m.lastText()).startsWith("Raid detection is off. Turn it on with /raid on [joins] [seconds] "
                + "(more than 10 joins within 1 minute");
        assertThat(m.bot.lastReply().delivery()).isEqualTo(Delivery.PRIVATE);
        joins(30);
        assertThat(mutes()).isZero();
        assertThat(raidAlerts(m.replies())).isEmpty();
    }

    @Test
    void joinsBelowTheThresholdAreUntouched() {
        m.mod(mod, "/raid on 5 60");
        assertThat(m.lastText()).startsWith("Raid detection is on: more than 5 joins within 1 minute starts raid "
                + "mode.");
        m.replies();
        joins(5);
        m.bot.advance(Duration.ofSeconds(60));
        joins(5);
        assertThat(mutes()).isZero();
        assertThat(m.cases()).isEmpty();
        assertThat(raidAlerts(m.replies())).isEmpty();
        m.mod(mod, "/raid");
        assertThat(m.lastText()).contains("Raid mode is off.");
    }

    @Test
    void aRaidHoldsTheNextJoinerAndTellsModeratorsOncePrivately() {
        m.mod(mod, "/raid on 5 60");
        m.replies();
        joins(5);
        assertThat(mutes()).isZero();
        joins(1);
        assertThat(mutes()).as("the joiner over the threshold is held").isEqualTo(1);
        List<OutboundMessage> sent = m.replies();
        assertThat(raidAlerts(sent)).hasSize(2).allSatisfy(r -> {
            assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(r.text()).contains("more than 5 joins within 1 minute").contains("/raid off");
        }).extracting(OutboundMessage::recipient).containsExactlyInAnyOrder(mod.id(), mod2.id());
        assertThat(sent).anySatisfy(r -> {
            assertThat(r.to()).isEqualTo(m.bot.group().id());
            assertThat(r.text()).isEqualTo("Welcome, New6! New members are paused for a little while; a moderator "
                    + "will let you in soon. Thank you for your patience.");
        });
        joins(4);
        assertThat(mutes()).as("everyone joining during the raid").isEqualTo(5);
        assertThat(raidAlerts(m.replies())).as("once per raid, not per join").isEmpty();
        assertThat(m.cases()).extracting(ModCase::action).containsOnly("raid-hold").hasSize(5);
        m.mod(mod, "/raid");
        assertThat(m.lastText()).contains("Raid mode is ON since 8 Mar 2026, 09:00 (UTC)");

        m.pressInGroup(sam, "Let in (moderators)");
        assertThat(m.lastText()).isEqualTo("Only moderators of that group can do this.");
        m.pressInGroup(mod, "Let in (moderators)");
        assertThat(m.lastText()).startsWith("Let in: member 510 can write now");
        assertThat(m.kinds()).last().isEqualTo("unmute");
    }

    @Test
    void duringARaidTheNewcomerQuestionGatesJoinersWhenTheGroupHasOne() {
        m.mod(mod, "/gate Is this a recovery group? | yes | no");
        m.mod(mod, "/raid on 3 60");
        joins(3);
        m.replies();
        joins(1);
        assertThat(m.bot.lastReply().text()).contains("Before you can write here, please answer");
        assertThat(raidAlerts(m.gateway().sent())).hasSize(2);
        assertThat(m.cases()).extracting(ModCase::action).doesNotContain("raid-hold");
    }

    @Test
    void raidOffEndsRaidModeAndNewcomersJoinAsUsual() {
        m.mod(mod, "/raid on 3 60");
        joins(4);
        assertThat(mutes()).isEqualTo(1);
        m.mod(mod, "/raid off");
        assertThat(m.lastText()).startsWith("Raid mode is off; newcomers join as usual again.");
        m.bot.advance(Duration.ofMinutes(2));
        m.bot.join(ana);
        assertThat(mutes()).isEqualTo(1);
        m.mod(mod, "/raid off");
        assertThat(m.lastText()).isEqualTo("Raid mode is not on. Detection stays on; /raid disable stops it.");
        m.mod(mod, "/raid disable");
        assertThat(m.lastText()).isEqualTo("Raid detection is off: joins are no longer counted.");
        joins(10);
        assertThat(mutes()).isEqualTo(1);
        m.bot.advance(Duration.ofMinutes(30));
        assertThat(m.replies()).noneMatch(r -> r.text().startsWith("Raid mode has ended"));
    }

    @Test
    void raidModeEndsByItselfAfterAQuietPeriodAndANewRaidIsToldAgain() {
        m.mod(mod, "/raid on 3 60");
        joins(4);
        m.bot.advance(Duration.ofMinutes(5));
        joins(4); // another burst: the quiet period starts anew
        m.bot.advance(Duration.ofMinutes(9));
        m.mod(mod, "/raid");
        assertThat(m.lastText()).contains("Raid mode is ON");
        m.replies();
        m.bot.advance(Duration.ofMinutes(2));
        assertThat(m.replies()).filteredOn(r -> r.text().startsWith("Raid mode has ended"))
                .extracting(OutboundMessage::recipient).containsExactlyInAnyOrder(mod.id(), mod2.id());
        m.bot.join(ana);
        assertThat(mutes()).as("held: 1 + 4 during the raid, not Ana").isEqualTo(5);
        m.replies();
        joins(4);
        assertThat(raidAlerts(m.replies())).as("a new raid is told again").hasSize(2);
    }

    @Test
    void onlyModeratorsUseRaidAndSettingsAreChecked() {
        m.bot.sayInGroup(sam, "/raid on 3 60");
        assertThat(m.rules.settings(m.bot.group().community()).raid().enabled()).isFalse();
        assertThat(m.lastText()).isEqualTo("/raid is for moderators of this group.");
        m.bot.sayInGroup(sam, "/raid");
        assertThat(m.lastText()).isEqualTo("/raid is for moderators of this group.");
        m.mod(mod, "/raid on 1");
        assertThat(m.lastText()).startsWith("Give the number of joins from 2 to 1000");
        m.mod(mod, "/raid on 10 5");
        assertThat(m.lastText()).startsWith("Give the window from 10 to 3600 seconds");
        m.mod(mod, "/raid on 20 2m");
        assertThat(m.lastText()).startsWith("Raid detection is on: more than 20 joins within 2 minutes");
        m.mod(mod, "/raid");
        assertThat(m.lastText()).startsWith("Raid detection is on: more than 20 joins within 2 minutes starts raid "
                + "mode.\nRaid mode is off.");
    }
}
