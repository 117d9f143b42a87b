package org.fellowship.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.mentor.EscalationPolicy;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.api.Test;

class CrisisFeatureTest {
    private final List<Boolean> guardSaw = new ArrayList<>();
    private final List<Boolean> paged = new ArrayList<>();
    private final BotHarness bot = BotHarness.builder()
            .feature(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
                    CrisisResources.builtInTable(), (turn, category) -> {
                        paged.add(true);
                        return MentorPager.Reached.MENTOR;
                    }))
            // a strict moderation guard that would stop every message it may stop
            .feature((registry, context) -> registry.guard((turn, text, flagged) -> {
                guardSaw.add(flagged);
                return flagged || text.startsWith("/");
            }))
            .build();
    private final BotHarness.User sam = bot.member("42", "Sam");

    @Test
    void crisisInTheGroupGetsAPrivateWarmReplyAndNothingInTheGroup() {
        bot.sayInGroup(sam, "I can't do this anymore, I want to end my life");
        List<OutboundMessage> replies = bot.replies();
        assertThat(replies).hasSize(1);
        OutboundMessage reply = replies.get(0);
        assertThat(reply.delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(reply.recipient()).isEqualTo(sam.id());
        assertThat(reply.text()).contains("glad you said something").contains("988").contains("116 123")
                .contains("13 11 14").contains("findahelpline.com").contains("mentor");
        assertThat(reply.allButtons()).extracting(b -> b.label())
                .containsExactly("Yes, connect me with a mentor", "Not now");
        assertThat(guardSaw).containsExactly(true);
        assertThat(bot.gateway().actions()).noneMatch(a -> a.kind().equals("delete") || a.kind().equals("mute"));
    }

    @Test
    void countryFromTheMembersZoneComesFirstAndAlone() {
        bot.core().context().profiles().save(org.fellowship.core.store.MemberProfile.fresh(sam.id())
                .withZone(java.time.ZoneId.of("Europe/London")));
        bot.say(sam, "i want to die");
        String text = bot.lastReply().text();
        assertThat(text).contains("Samaritans free on 116 123").doesNotContain("988").contains("findahelpline.com");
    }

    @Test
    void mentorButtonPagesAndTellsTheMember() {
        bot.say(sam, "I want to kill myself");
        bot.press(sam, "Yes, connect me with a mentor");
        assertThat(paged).containsExactly(true);
        assertThat(bot.lastReply().text()).contains("asked the mentors on call");
    }

    @Test
    void withoutAMentorChainTheMemberIsToldHonestly() {
        BotHarness plain = BotHarness.builder().feature(CrisisFeature.withDefaults(new SimpleLanguageAnalyzer())).build();
        BotHarness.User ana = plain.member("7", "Ana");
        plain.say(ana, "/help-now");
        assertThat(plain.lastReply().text()).contains("You asked for help");
        plain.press(ana, "Yes, connect me with a mentor");
        assertThat(plain.lastReply().text()).contains("no mentor can be reached").doesNotContain("on the way");
    }

    @Test
    void supportiveRepliesAndRecoveryTalkPassSilently() {
        bot.sayInGroup(sam, "please don't kill yourself, call 988, you are not alone");
        bot.sayInGroup(sam, "I relapsed yesterday and I'm back");
        bot.sayInGroup(sam, "Two years ago I tried to kill myself and today I'm grateful");
        assertThat(bot.replies()).isEmpty();
        assertThat(guardSaw).containsExactly(false, false, false);
    }

    @Test
    void repeatedCrisisMessagesAreFlaggedButAnsweredOnceWithinTheCooldown() {
        bot.sayInGroup(sam, "I want to die");
        bot.sayInGroup(sam, "I really want to die");
        assertThat(bot.replies()).hasSize(1);
        assertThat(guardSaw).containsExactly(true, true);
        bot.advance(java.time.Duration.ofMinutes(11));
        bot.sayInGroup(sam, "I still want to die");
        assertThat(bot.replies()).hasSize(1);
    }

    @Test
    void relapseDangerGetsAGentlePrivateNoteAndIsNotACrisis() {
        bot.sayInGroup(sam, "I'm about to drink, I'm at the liquor store");
        assertThat(bot.lastReply().delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(bot.lastReply().text()).contains("Cravings rise and they do pass");
        assertThat(guardSaw).containsExactly(false);
    }

    @Test
    void resourcesCommandByCountryAndDirectoryFallback() {
        bot.say(sam, "/resources australia");
        assertThat(bot.lastReply().text()).contains("Lifeline on 13 11 14").doesNotContain("988");
        bot.say(sam, "/resources");
        assertThat(bot.lastReply().text()).contains("988").contains("116 123").contains("13 11 14");
        bot.say(sam, "/resources atlantis");
        assertThat(bot.lastReply().text()).contains("findahelpline.com");
    }

    @Test
    void moderatorsTuneTheirGroupAndMembersCannot() {
        BotHarness.User mod = bot.moderator("1", "Mo");
        bot.sayInGroup(sam, "/crisis threshold 0.4");
        assertThat(bot.lastReply().text()).doesNotContain("threshold set");

        // a band name this community talks about
        bot.sayInGroup(sam, "anyone going to see suicide silence tonight? I want to die of excitement");
        bot.sayInGroup(mod, "/crisis allow suicide");
        assertThat(bot.lastReply().delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(bot.lastReply().text()).contains("no longer counts");
        bot.replies();
        bot.sayInGroup(sam, "/crisis");
        bot.replies();

        // a local phrase the built-in lexicon does not know
        BotHarness.User kim = bot.member("43", "Kim");
        bot.sayInGroup(kim, "tonight I go to the tracks");
        assertThat(bot.replies()).isEmpty();
        bot.sayInGroup(mod, "/crisis add overdose_lethal_means 0.9 go to the tracks");
        assertThat(bot.lastReply().text()).contains("Added \"go to the tracks\"");
        bot.replies();
        bot.sayInGroup(kim, "tonight I go to the tracks");
        assertThat(bot.lastReply().text()).contains("glad you said something");

        bot.sayInGroup(mod, "/crisis");
        assertThat(bot.lastReply().text()).contains("go to the tracks").contains("Allowed phrases: suicide");
        bot.sayInGroup(mod, "/crisis remove go to the tracks");
        assertThat(bot.lastReply().text()).contains("Removed");
        bot.sayInGroup(mod, "/crisis remove go to the tracks");
        assertThat(bot.lastReply().text()).contains("neither added nor allowed");
    }

    @Test
    void aGroupsOwnCrisisLinesAndDefaultCountryReachItsMembers() {
        BotHarness.User mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/crisis line DE Telefonseelsorge: 0800 111 0 111 (kostenlos, rund um die Uhr)");
        assertThat(bot.lastReply().text()).contains("Members in DE now see");
        bot.sayInGroup(mod, "/crisis country de");
        bot.replies();

        bot.sayInGroup(sam, "I want to end my life");
        assertThat(bot.lastReply().text()).contains("Telefonseelsorge").doesNotContain("988");
        bot.sayInGroup(sam, "/resources");
        assertThat(bot.lastReply().text()).contains("Telefonseelsorge");
        bot.sayInGroup(sam, "/resources uk");
        assertThat(bot.lastReply().text()).contains("116 123").doesNotContain("Telefonseelsorge");

        bot.sayInGroup(mod, "/crisis line DE off");
        bot.sayInGroup(mod, "/crisis country off");
        bot.replies();
        bot.sayInGroup(sam, "/resources");
        assertThat(bot.lastReply().text()).contains("988").doesNotContain("Telefonseelsorge");
    }

    @Test
    void badCrisisSettingsGetOneClearLine() {
        BotHarness.User mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/crisis threshold 2");
        assertThat(bot.lastReply().text()).contains("from 0.3");
        bot.sayInGroup(mod, "/crisis add feelings sad");
        assertThat(bot.lastReply().text()).contains("category");
        bot.sayInGroup(mod, "/crisis country narnia");
        assertThat(bot.lastReply().text()).contains("two-letter");
        bot.sayInGroup(mod, "/crisis frobnicate");
        assertThat(bot.lastReply().text()).contains("/crisis add CATEGORY");
        bot.say(mod, "/crisis threshold 0.4");
        assertThat(bot.lastReply().text()).satisfiesAnyOf(
                t -> assertThat(t).contains("group's chat"), t -> assertThat(t).contains("moderators"));
    }

    @Test
    void withoutFollowUpsGivenTheCrisisReplyFollowsUpOnTheEscalationPolicysDefaults() {
        // crisis support keeps its own copy so that safety needs nothing from the mentor package
        assertThat(CrisisFeature.DEFAULT_FOLLOW_UPS).isEqualTo(EscalationPolicy.defaults().followUps());
    }
}
