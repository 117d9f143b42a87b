package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Moderation together with the real crisis feature: a crisis message is never punished, in any mode. */
class CrisisImmunityTest {
    private final ModBot m = new ModBot(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
            CrisisResources.builtInTable(), (turn, category) -> org.fellowship.core.alert.MentorPager.Reached.MENTOR));
    private final BotHarness.User mod = m.bot.moderator("7", "Mo");
    private final BotHarness.User sam = m.bot.member("42", "Sam");
    private static final String CRISIS = "I can't go on, I want to end my life tonight";

    CrisisImmunityTest() {
        m.gateway().moderator(mod.id());
    }

    @ParameterizedTest
    @EnumSource(RuleMode.class)
    void aCrisisMessageMatchingAnyRuleIsNeverTouchedAndTheMemberStillGetsResources(RuleMode mode) {
        m.mod(mod, "/filter add keyword life ban");
        m.mod(mod, "/filter add keyword *night warn");
        m.mod(mod, "/filter mode 1 " + mode.word());
        m.mod(mod, "/filter mode 2 " + mode.word());
        m.mod(mod, "/modalerts on");
        m.replies();
        m.say(sam, "s1", CRISIS);
        assertThat(m.kinds()).as("no delete, mute, kick or ban").isEmpty();
        assertThat(m.cases()).as("not even logged, so no excerpt of it exists").isEmpty();
        assertThat(m.warnings.active(m.bot.group().community(), sam.id(), m.bot.clock().instant())).isEmpty();
        List<OutboundMessage> out = m.replies();
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo(sam.id());
            assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(r.text()).contains("988").contains("findahelpline.com");
        });
    }

    @Test
    void anEnforcedDeleteRuleDoesNotDeleteACrisisMessageButStillWorksOtherwise() {
        m.mod(mod, "/filter add keyword life");
        m.mod(mod, "/filter mode 1 enforce");
        m.say(sam, "s1", CRISIS);
        assertThat(m.kinds()).isEmpty();
        m.say(sam, "s2", "life hacks for sale");
        assertThat(m.kinds()).containsExactly("delete");
    }

    @Test
    void manualActionsInReplyToACrisisMessageAreRefusedAndReportsSayWhy() {
        m.say(sam, "s1", CRISIS);
        m.replies();
        m.reply(mod, "c1", "/warn off-topic", "s1", sam);
        assertThat(m.lastText()).contains("may be in crisis").contains("never delete, mute or warn");
        assertThat(m.warnings.active(m.bot.group().community(), sam.id(), m.bot.clock().instant())).isEmpty();
        BotHarness.User ana = m.bot.member("43", "Ana");
        m.mod(mod, "/modalerts on");
        m.reply(ana, "a1", "/report", "s1", sam);
        assertThat(m.replies()).anySatisfy(r -> assertThat(r.text()).startsWith("Report (case")
                .contains("may be in crisis"));
    }

    @Test
    void banKickAndMuteInReplyToACrisisMessageAreRefusedAndPurgeLeavesItAlone() {
        m.say(sam, "s1", CRISIS);
        m.say(sam, "s2", "sorry for the noise");
        m.replies();
        for (String command : List.of("/ban spam", "/kick", "/mute 1h")) {
            m.reply(mod, "c" + command.length(), command, "s1", sam);
            assertThat(m.lastText()).contains("may be in crisis").contains("never delete, mute or warn");
        }
        m.reply(mod, "c9", "/purge 10", "s2", sam);
        assertThat(m.gateway().actions()).filteredOn(a -> a.kind().equals("delete"))
                .extracting(a -> a.ref().messageId()).containsExactly("s2");
        assertThat(m.kinds()).containsExactly("delete");
        assertThat(m.cases()).extracting(ModCase::action).containsExactly("purge");
    }

    @Test
    void recoveryTalkPassesWithoutAnyAction() {
        m.mod(mod, "/filter add link");
        m.mod(mod, "/filter mode 1 enforce");
        for (String text : List.of("I drank yesterday", "day 30 sober today!", "I relapsed but I'm back",
                "cravings are loud, going to a meeting at aa.org", "detox week 2")) {
            m.say(sam, "r" + text.length(), text);
        }
        assertThat(m.kinds()).isEmpty();
        assertThat(m.cases()).isEmpty();
    }
}
