package org.fellowship.core.mentor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.checkin.CheckinFeature;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.InMemoryCheckinStore;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** The crisis chain in a real group: who may act, where alerts may go, bounds, honesty, follow-ups, never silence. */
class MentorChainSafetyTest {
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final MentorStore store = MentorStore.inMemory(clock);
    private final MentorChain chain = MentorChain.on(store);
    private final BotHarness bot = BotHarness.builder()
            .clock(clock)
            .stores(new InMemoryStores.Deduplicator(clock), null, new InMemoryStores.Profiles(), null)
            .feature(new ProfileFeature())
            .feature(chain)
            .feature(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
                    CrisisResources.builtInTable(), chain))
            .feature(new CheckinFeature(new InMemoryCheckinStore(), chain, CheckinFeature.DEFAULT_NUDGE_DELAY))
            .build();
    private final BotHarness.User sam = bot.member("42", "Sam");
    private final BotHarness.User lee = bot.member("106", "Lee");
    private final BotHarness.User ana = bot.mentor("7", "Ana");
    private final BotHarness.User mod = bot.moderator("1", "Mo");

    private static List<OutboundMessage> to(BotHarness.User user, List<OutboundMessage> sent) {
        return sent.stream().filter(m -> user.id().equals(m.recipient())).toList();
    }

    private List<OutboundMessage> inGroup(List<OutboundMessage> sent) {
        return sent.stream().filter(m -> m.to().equals(bot.group().id())).toList();
    }

    private String alertOf(BotHarness.User member) {
        return store.openAlertOf(member.id()).orElseThrow().id();
    }

    @Test
    void anOrdinaryMembersPressChangesNothingAndLearnsNothingAModeratorsPressWorks() {
        bot.sayInGroup(mod, "/mentor_channel");
        bot.replies();
        bot.sayInGroup(sam, "I'm taking all my pills tonight");
        assertThat(inGroup(bot.replies())).singleElement().satisfies(m -> assertThat(m.text())
                .contains("Crisis alert").doesNotContain("Sam").doesNotContain("pills"));
        String alert = alertOf(sam);

        bot.pressInGroup(lee, "Take");
        List<OutboundMessage> refused = bot.replies();
        assertThat(refused).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo(lee.id());
            assertThat(m.text()).contains("Only the fellowship's mentors and moderators").doesNotContain("Sam")
                    .doesNotContain("42");
        });
        assertThat(store.alert(alert).orElseThrow().state()).isEqualTo(MentorStore.AlertState.OPEN);
        assertThat(chain.auditOf(alert)).extracting(MentorAudit::action).contains(MentorAudit.Action.REFUSED_PRESS);

        bot.pressInGroup(mod, "Take");
        List<OutboundMessage> taken = bot.replies();
        assertThat(to(mod, taken)).singleElement().satisfies(m -> assertThat(m.text()).contains("It's yours")
                .contains("Sam").contains("pills"));
        assertThat(to(sam, taken)).singleElement().satisfies(m -> assertThat(m.text()).contains("Mo"));
        assertThat(store.alert(alert).orElseThrow().mentor()).isEqualTo(mod.id());
    }

    @Test
    void aModeratorWhoLostTheRightIsRefusedWhenPressingNotWhenTheAlertWasSent() {
        bot.sayInGroup(mod, "/mentor_channel");
        bot.sayInGroup(sam, "I want to end my life");
        bot.replies();
        bot.gateway().notModerator(mod.id()); // demoted after the alert was posted
        bot.pressInGroup(mod, "Take");
        assertThat(bot.lastReply().text()).contains("Only the fellowship's mentors and moderators");
        assertThat(store.openAlertOf(sam.id()).orElseThrow().mentor()).isNull();
    }

    @Test
    void aChatOthersCanReadIsRefusedAsTheModeratorsChannel() {
        bot.gateway().readableByOthers(bot.group().id(), "14 of the 15 members of this chat are not administrators.");
        bot.sayInGroup(mod, "/mentor_channel");
        assertThat(bot.lastReply().text()).contains("can't be the moderators' channel")
                .contains("14 of the 15 members");
        assertThat(bot.lastReply().delivery()).isEqualTo(org.fellowship.core.outbound.Delivery.PRIVATE);
        assertThat(store.moderatorsChannel(bot.group().id().platform())).isEmpty();
    }

    @Test
    void aChannelThatBecamePublicGetsNoAlertAndTheModeratorsAreToldPrivately() {
        bot.sayInGroup(mod, "/mentor_channel");
        bot.replies();
        bot.gateway().readableByOthers(bot.group().id(), "@everyone can view this channel.");
        bot.sayInGroup(sam, "I want to end my life");
        List<OutboundMessage> sent = bot.replies();
        assertThat(inGroup(sent)).isEmpty();
        assertThat(to(mod, sent)).singleElement().satisfies(m -> assertThat(m.text()).contains("Crisis alert")
                .contains("Not posted in the moderators' channel").doesNotContain("end my life")
                .doesNotContain("Sam"));
    }

    @Test
    void aGroupCrisisWithAMentorOnCallPagesAtOnceWithoutWaitingForAYes() {
        bot.say(ana, "/mentor on");
        bot.replies();
        bot.sayInGroup(sam, "I'm taking all my pills tonight");
        List<OutboundMessage> sent = bot.replies(); // same instant: no simulated time has passed
        assertThat(to(ana, sent)).singleElement().satisfies(m -> assertThat(m.text()).startsWith("Crisis alert")
                .contains("They wrote"));
        assertThat(to(sam, sent)).singleElement().satisfies(m -> assertThat(m.text()).contains("988"));
        assertThat(inGroup(sent)).isEmpty();
    }

    @Test
    void aPrivateCrisisStaysConsentFirst() {
        bot.say(ana, "/mentor on");
        bot.replies();
        bot.say(sam, "I'm taking all my pills tonight");
        assertThat(to(ana, bot.replies())).isEmpty();
        assertThat(store.openAlertOf(sam.id())).isEmpty();
    }

    @Test
    void anUntakenAlertOverFourDaysSendsABoundedNumberOfMessagesThenStops() {
        bot.say(ana, "/mentor on");
        bot.sayInGroup(mod, "/mentor_channel");
        bot.replies();
        bot.sayInGroup(sam, "I want to end my life");
        String alert = alertOf(sam);
        bot.replies();
        bot.advance(Duration.ofDays(4));
        List<OutboundMessage> later = bot.replies();
        EscalationPolicy policy = chain.policy();
        // one repeat after the tier walk's end, then maxRepeats more, and the final notice
        int bound = 1 + policy.maxRepeats() + 1;
        assertThat(inGroup(later)).hasSizeLessThanOrEqualTo(bound).hasSizeGreaterThan(3);
        assertThat(inGroup(later).get(inGroup(later).size() - 1).text()).contains("stopped paging");
        assertThat(to(ana, later).stream().filter(m -> m.text().startsWith("Crisis alert")))
                .hasSizeLessThanOrEqualTo(bound);
        assertThat(chain.auditOf(alert)).extracting(MentorAudit::action).contains(MentorAudit.Action.UNANSWERED);
        bot.advance(Duration.ofDays(2));
        assertThat(bot.replies()).as("nothing after the final notice").isEmpty();
        // still open: anyone allowed can take it from an earlier message
        bot.pressInGroup(mod, "Take");
        assertThat(store.alert(alert).orElseThrow().mentor()).isEqualTo(mod.id());
    }

    @Test
    void anAcknowledgedAlertsRemindersStop() {
        bot.say(ana, "/mentor on");
        bot.replies();
        bot.sayInGroup(sam, "I want to end my life");
        bot.press(ana, "Acknowledge");
        bot.replies();
        bot.advance(Duration.ofDays(3));
        long reminders = to(ana, bot.replies()).stream().filter(m -> m.text().startsWith("Reminder")).count();
        assertThat(reminders).isBetween(2L, 12L);
        bot.advance(Duration.ofDays(3));
        assertThat(bot.replies()).isEmpty();
    }

    @Test
    void withNobodyOnCallTheModeratorsAreToldPrivatelyAndTheMemberHearsTheTruth() {
        bot.sayInGroup(sam, "I want to end my life");
        List<OutboundMessage> sent = bot.replies();
        assertThat(to(mod, sent)).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("no mentor is on call").doesNotContain("end my life").doesNotContain("Sam");
            assertThat(m.allButtons()).extracting(b -> b.label()).containsExactly("Take");
        });
        bot.press(sam, "Yes, connect me with a mentor");
        assertThat(bot.lastReply().text()).contains("No mentor is on call right now")
                .contains("I've let the moderators know").doesNotContain("asked the mentors");
    }

    @Test
    void aFollowUpComesOnceAfterHalfAnHourAndOnceTheNextDayUnlessAnswered() {
        bot.say(sam, "I want to end my life");
        bot.replies();
        bot.advance(Duration.ofMinutes(29));
        assertThat(bot.replies()).isEmpty();
        bot.advance(Duration.ofMinutes(2));
        assertThat(to(sam, bot.replies())).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("still here");
            assertThat(m.allButtons()).extracting(b -> b.label())
                    .containsExactly("Connect me with a mentor", "I'm OK", "Show the lines", "Don't check on me");
        });
        bot.advance(Duration.ofDays(1));
        assertThat(to(sam, bot.replies())).singleElement().satisfies(m -> assertThat(m.text()).contains("still here"));
        bot.advance(Duration.ofDays(5));
        assertThat(bot.replies()).isEmpty();

        BotHarness.User kim = bot.member("9", "Kim");
        bot.say(kim, "I want to end my life");
        bot.press(kim, "Not now");
        bot.replies();
        bot.advance(Duration.ofDays(2));
        assertThat(to(kim, bot.replies())).as("declined: no follow-ups").isEmpty();
    }

    @Test
    void followUpsStopWhenTheAlertIsTakenAndAMemberCanTurnThemOff() {
        bot.say(ana, "/mentor on");
        bot.sayInGroup(sam, "I want to end my life"); // paged at once
        bot.press(ana, "Take");
        bot.replies();
        bot.advance(Duration.ofDays(2));
        assertThat(to(sam, bot.replies())).filteredOn(m -> m.text().contains("still here")).isEmpty();

        bot.say(lee, "I want to end my life");
        bot.advance(Duration.ofMinutes(31));
        bot.press(lee, "Don't check on me");
        bot.replies();
        bot.advance(Duration.ofDays(2));
        assertThat(to(lee, bot.replies())).isEmpty();
        bot.advance(Duration.ofHours(1));
        bot.say(lee, "I want to end my life"); // a new offer later: still no follow-ups, by their choice
        bot.replies();
        bot.advance(Duration.ofDays(2));
        assertThat(to(lee, bot.replies())).isEmpty();
    }

    @Test
    void aWorseMessageInsideTheCooldownIsAnsweredAgainAndReachesTheHolderAtOnce() {
        bot.say(ana, "/mentor on");
        bot.sayInGroup(sam, "I want to end my life");
        bot.press(ana, "Take");
        bot.replies();
        bot.advance(Duration.ofMinutes(1));
        bot.sayInGroup(sam, "I want to end my life");
        assertThat(to(sam, bot.replies())).as("same severity inside the cooldown: no second reply").isEmpty();
        bot.sayInGroup(sam, "I'm taking all my pills right now");
        List<OutboundMessage> sent = bot.replies();
        assertThat(to(sam, sent)).singleElement().satisfies(m -> assertThat(m.text()).contains("worries me"));
        assertThat(to(ana, sent)).singleElement().satisfies(m -> assertThat(m.text()).contains("more urgent"));
    }

    @Test
    void privateTextNothingAnswersGetsAPointerAtMostHourly() {
        bot.say(sam, "hello, anyone there?");
        assertThat(bot.replies()).singleElement().satisfies(m -> assertThat(m.text()).contains("/help_now")
                .contains("/checkin").contains("/meetings"));
        bot.say(sam, "hello?");
        assertThat(bot.replies()).isEmpty();
        bot.advance(Duration.ofMinutes(61));
        bot.say(sam, "hello?");
        assertThat(bot.replies()).hasSize(1);
        bot.sayInGroup(lee, "hello group");
        assertThat(bot.replies()).as("never in a group").isEmpty();
    }

    @Test
    void aCrisisWrittenAsACheckinNoteGetsTheCrisisReplyOnly() {
        bot.say(sam, "/timezone UTC");
        bot.say(sam, "/checkin");
        bot.press(sam, "2");
        bot.press(sam, "9");
        bot.replies();
        bot.say(sam, "I want to end my life");
        List<OutboundMessage> sent = bot.replies();
        assertThat(sent).singleElement().satisfies(m -> assertThat(m.text()).contains("988")
                .doesNotContain("Saved your note"));
    }

    @Test
    void textsNameHelpNowAsTelegramCanSendIt() {
        bot.say(sam, "I relapsed and I'm going to drink right now, I have the bottle");
        bot.say(lee, "/help_now");
        bot.press(lee, "Not now");
        assertThat(bot.gateway().sent()).extracting(OutboundMessage::text)
                .noneMatch(t -> t.contains("/help-now")).anyMatch(t -> t.contains("/help_now"));
    }
}
