package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.api.Test;

/**
 * {@code /filter test <text>} quotes sample text: the moderator is testing rules, not speaking about themselves. It
 * must not answer the moderator with crisis resources, page anyone or keep an excerpt; but the quoting is no way
 * around anything else: members who may not run it, and every other command, are screened as usual.
 */
class FilterTestSampleTest {
    private static final String CRISIS = "I want to kill myself";

    /** Records what the crisis feature hands to the escalation chain (the excerpt it would keep for an hour). */
    private final List<AlertContext> kept = new ArrayList<>();
    private final MentorPager pager = new MentorPager() {
        @Override
        public Reached requestMentor(Turn turn, CrisisCategory category) {
            return Reached.MENTOR;
        }

        @Override
        public void flagged(Turn turn, CrisisCategory category, AlertContext context, boolean worse) {
            kept.add(context);
        }
    };
    private final ModBot m = new ModBot(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
            CrisisResources.builtInTable(), pager));
    private final BotHarness.User mod = m.bot.moderator("7", "Mo");
    private final BotHarness.User sam = m.bot.member("42", "Sam");

    @Test
    void aModeratorsFilterTestIsAnsweredWithTheRulesOnlyAndKeepsNothing() {
        m.mod(mod, "/filter add phrase kill myself alert"); // a rule's pattern is quoted too
        assertThat(m.replies()).noneSatisfy(r -> assertThat(r.text()).contains("988"));

        m.mod(mod, "/filter test " + CRISIS);

        List<OutboundMessage> out = m.replies();
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo(mod.id());
            assertThat(r.text()).startsWith("These rules would fire:").doesNotContain("988");
        });
        assertThat(kept).as("no excerpt handed on to be kept").isEmpty();
        assertThat(m.cases()).as("testing a rule is not a case").isEmpty();
    }

    @Test
    void theSameSampleAsANativeSlashCommandIsNotACrisisEither() {
        m.bot.deliver(new org.fellowship.core.event.CommandInvoked("n1", m.bot.group(), ModBot.member(mod),
                m.bot.clock().instant(), m.ref("c1"), "filter", "test " + CRISIS, null, null));

        assertThat(m.replies()).singleElement().satisfies(r ->
                assertThat(r.text()).startsWith("No rule would fire").doesNotContain("988"));
        assertThat(kept).isEmpty();
    }

    @Test
    void aMemberWhoMayNotRunItIsScreenedAsUsual() {
        m.say(sam, "s1", "/filter test " + CRISIS);

        assertThat(m.replies()).anySatisfy(r -> {
            assertThat(r.recipient()).isEqualTo(sam.id());
            assertThat(r.text()).contains("988");
        });
        assertThat(kept).as("a member's own words are still kept for their mentor").hasSize(1);
    }

    @Test
    void otherFilterSubcommandsAndOtherCommandsAreStillScreened() {
        m.mod(mod, "/filter list " + CRISIS);

        assertThat(m.replies()).anySatisfy(r -> assertThat(r.text()).contains("988"));
        assertThat(kept).hasSize(1);
    }
}
