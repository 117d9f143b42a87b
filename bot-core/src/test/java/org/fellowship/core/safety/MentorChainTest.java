package org.fellowship.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.api.Test;

class MentorChainTest {
    private final MentorChain chain = MentorChain.withDefaults();
    private final BotHarness bot = BotHarness.builder()
            .feature(chain)
            .feature(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
                    CrisisResources.builtInTable(), chain))
            .build();
    private final BotHarness.User sam = bot.member("42", "Sam");
    private final BotHarness.User ana = bot.mentor("7", "Ana");
    private final BotHarness.User ben = bot.mentor("8", "Ben");
    private final BotHarness.User mod = bot.moderator("1", "Mo");

    private List<OutboundMessage> to(BotHarness.User user, List<OutboundMessage> sent) {
        return sent.stream().filter(m -> user.id().equals(m.recipient())).toList();
    }

    @Test
    void onlyMentorsGoOnCallAndModeratorsSetTiers() {
        bot.say(sam, "/mentor on");
        assertThat(bot.lastReply().text()).contains("Only members with the mentor role");
        bot.say(ana, "/mentor on");
        bot.say(mod, "/mentor_tier 8 2");
        assertThat(chain.mentors()).extracting(MentorChain.Mentor::tier).containsExactly(1, 2);
        bot.say(sam, "/mentor_tier 8 1");
        assertThat(chain.mentors()).extracting(MentorChain.Mentor::tier).containsExactly(1, 2);
    }

    @Test
    void pagesTierOneThenEscalatesAndTellsTheMemberWhenTaken() {
        bot.say(ana, "/mentor on");
        bot.say(ben, "/mentor on");
        bot.say(mod, "/mentor_tier 8 2");
        bot.replies();

        bot.sayInGroup(sam, "I want to end my life");
        bot.press(sam, "Yes, connect me with a mentor");
        List<OutboundMessage> sent = bot.replies();
        assertThat(to(sam, sent).get(to(sam, sent).size() - 1).text()).contains("asked the mentors on call");
        OutboundMessage page = to(ana, sent).get(0);
        assertThat(page.text()).contains("Crisis alert").doesNotContain("end my life");
        assertThat(page.allButtons()).extracting(b -> b.label()).containsExactly("Acknowledge", "Take", "Resolve");
        assertThat(to(ben, sent)).isEmpty();

        bot.advance(Duration.ofMinutes(6));
        assertThat(to(ben, bot.replies())).hasSize(1);

        bot.press(ben, "Take");
        List<OutboundMessage> taken = bot.replies();
        assertThat(to(sam, taken)).singleElement().satisfies(m -> assertThat(m.text()).contains("Ben").contains("on the way"));

        bot.advance(Duration.ofMinutes(16));
        assertThat(to(ben, bot.replies())).singleElement().satisfies(m -> assertThat(m.text()).contains("Reminder"));
        bot.press(ben, "Resolve");
        assertThat(bot.replies()).singleElement().satisfies(m -> assertThat(m.text()).contains("resolved"));
        bot.advance(Duration.ofHours(1));
        assertThat(bot.replies()).isEmpty();
    }

    @Test
    void acknowledgedAlertsDoNotEscalateAndOneAlertPerMember() {
        bot.say(ana, "/mentor on");
        bot.say(ben, "/mentor on");
        bot.replies();
        bot.say(sam, "/help-now");
        bot.press(sam, "Yes, connect me with a mentor");
        bot.press(sam, "Yes, connect me with a mentor");
        List<OutboundMessage> sent = bot.replies();
        assertThat(to(ana, sent).size() + to(ben, sent).size()).isEqualTo(1);
        BotHarness.User paged = to(ana, sent).isEmpty() ? ben : ana;
        bot.press(paged, "Acknowledge");
        bot.advance(Duration.ofMinutes(10));
        assertThat(bot.replies().stream().filter(m -> m.text().contains("Crisis alert"))).isEmpty();
    }

    @Test
    void roundRobinWithinATier() {
        bot.say(ana, "/mentor on");
        bot.say(ben, "/mentor on");
        BotHarness.User kim = bot.member("9", "Kim");
        bot.replies();
        bot.say(sam, "/help-now");
        bot.press(sam, "Yes, connect me with a mentor");
        bot.say(kim, "/help-now");
        bot.press(kim, "Yes, connect me with a mentor");
        List<OutboundMessage> sent = bot.replies();
        assertThat(to(ana, sent)).hasSize(1);
        assertThat(to(ben, sent)).hasSize(1);
    }
}
