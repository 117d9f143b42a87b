package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.api.Test;

/**
 * Moderation together with the real safety screen: a relapse share, relapse danger or a craving is never punished
 * automatically; an enforced rule holds it for a moderator instead, while real spam is still enforced.
 */
class RelapseShareProtectionTest {
    private static final String RELAPSE = "I relapsed last night at the casino. Day 1 again. I feel so ashamed.";
    private final ModBot m = new ModBot(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
            CrisisResources.builtInTable(), (turn, category) -> org.fellowship.core.alert.MentorPager.Reached.MENTOR));
    private final BotHarness.User mod = m.bot.moderator("7", "Mo");
    private final BotHarness.User sam = m.bot.member("42", "Sam");
    private final BotHarness.User lee = m.bot.member("44", "Lee");

    RelapseShareProtectionTest() {
        m.gateway().moderator(mod.id());
        m.mod(mod, "/filter add keyword *casino* mute:2h");
        m.mod(mod, "/filter mode 1 enforce");
        m.mod(mod, "/modalerts on");
        m.replies();
    }

    @Test
    void theCasinoRelapseShareGoesToReviewInsteadOfAMute() {
        m.say(sam, "s1", RELAPSE);
        assertThat(m.kinds()).as("the message stays and the member is not muted").isEmpty();
        assertThat(m.warnings.active(m.bot.group().community(), sam.id(), m.bot.clock().instant())).isEmpty();
        assertThat(m.cases()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("review");
            assertThat(c.ruleId()).isEqualTo(1);
            assertThat(c.reason()).endsWith("held for review: it reads as a relapse share");
            assertThat(c.outcome()).startsWith("pending");
        });
        assertThat(m.replies()).as("only the moderator is asked; the member gets no notice").allSatisfy(r -> {
            assertThat(r.recipient()).isEqualTo(mod.id());
            assertThat(r.text()).startsWith("Review needed: Case 1: review member 42, rule #1")
                    .contains("held for review: it reads as a relapse share").contains("Approve to mute 2 hours");
        }).isNotEmpty();
    }

    @Test
    void aCravingIsHeldForReviewToo() {
        m.say(sam, "s1", "the casino ads are everywhere and the cravings are so strong today");
        assertThat(m.kinds()).isEmpty();
        assertThat(m.cases()).singleElement().satisfies(c ->
                assertThat(c.reason()).endsWith("held for review: it reads as a craving"));
    }

    @Test
    void realSpamWithTheKeywordIsStillEnforcedAndTheNoticeSaysWhatHappenedAndForHowLong() {
        m.say(lee, "s2", "Best online casino bonus: 200 free spins, sign up at my link");
        assertThat(m.kinds()).containsExactly("delete", "mute");
        assertThat(m.cases()).singleElement().satisfies(c -> assertThat(c.action()).isEqualTo("mute"));
        assertThat(m.replies()).filteredOn(r -> lee.id().equals(r.recipient())).singleElement().satisfies(r -> {
            assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(r.text()).isEqualTo("Your message in " + m.bot.group().title() + " was removed and you are "
                    + "muted there for 2 hours: it contained words this group's filter doesn't allow (rule #1). "
                    + "The group's rules: send /rules in the group.");
        });
    }
}
