package org.fellowship.core.mentor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.privacy.PrivacyFeature;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.store.MemberDataEraser;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.InMemoryStores;
import org.junit.jupiter.api.Test;

class MentorChainTest {
    private final org.fellowship.core.testkit.MutableClock clock =
            org.fellowship.core.testkit.MutableClock.at("2026-03-08T09:00:00Z");
    private final MentorStore store = MentorStore.inMemory(clock);
    private final MentorChain chain = MentorChain.on(store);
    private final InMemoryStores.Profiles profiles = new InMemoryStores.Profiles();
    private final BotHarness bot = BotHarness.builder()
            .clock(clock)
            .stores(null, null, profiles, null)
            .feature(new ProfileFeature())
            .feature(new PrivacyFeature(MemberDataEraser.combined(List.of(new InMemoryStores.Eraser(profiles),
                    store.asEraser()))))
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
        assertThat(bot.lastReply().text()).contains("please send this command there");
        bot.sayInGroup(sam, "/mentor on");
        assertThat(bot.lastReply().text()).contains("Only members the group has made mentors");
        bot.say(ana, "/mentor on");
        bot.say(mod, "/mentor_tier 8 2");
        assertThat(chain.mentors()).extracting(Mentor::tier).containsExactly(1, 2);
        bot.say(sam, "/mentor_tier 8 1");
        assertThat(chain.mentors()).extracting(Mentor::tier).containsExactly(1, 2);
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
        assertThat(page.text()).contains("Crisis alert").contains("They wrote: \u201cI want to end my life\u201d")
                .contains("Message: https://chat.example/");
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
    void aReminderRunAgainAfterACrashIsNotSentTwiceAndTheRemindersGoOn() {
        bot.say(ana, "/mentor on");
        bot.replies();
        bot.say(sam, "/help-now");
        bot.press(sam, "Yes, connect me with a mentor");
        bot.press(ana, "Take");
        bot.replies();
        bot.gateway().crashAfterSends(1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bot.advance(Duration.ofMinutes(15)))
                .isInstanceOf(org.fellowship.core.testkit.FakeChatGateway.SimulatedCrash.class);
        bot.advance(Duration.ofMinutes(5)); // the lease ran out: the reminder item runs again

        assertThat(to(ana, bot.replies())).singleElement().satisfies(m -> assertThat(m.text()).contains("Reminder"));
        bot.advance(Duration.ofHours(1));
        assertThat(to(ana, bot.replies())).as("the next reminder still comes, once").singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Reminder"));
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

    private void askForAMentor(BotHarness.User member) {
        bot.say(member, "/help-now");
        bot.press(member, "Yes, connect me with a mentor");
    }

    private static boolean isPage(OutboundMessage m) {
        return m.text().startsWith("Crisis alert");
    }

    @Test
    void quietHoursAreKeptInTheMentorsOwnZone() {
        bot.say(ana, "/mentor on");
        bot.say(ben, "/mentor on");
        bot.say(ana, "/timezone Asia/Tokyo"); // 09:00 UTC is 18:00 in Tokyo
        bot.say(ana, "/mentor quiet 17:30-08:00");
        assertThat(bot.lastReply().text()).contains("17:30").contains("Asia/Tokyo");
        bot.replies();
        askForAMentor(sam);
        List<OutboundMessage> sent = bot.replies();
        assertThat(to(ana, sent)).noneMatch(MentorChainTest::isPage);
        assertThat(to(ben, sent)).filteredOn(MentorChainTest::isPage).hasSize(1);

        bot.say(ana, "/mentor quiet 25:00-07:00");
        assertThat(bot.lastReply().text()).contains("HH:MM-HH:MM");
    }

    @Test
    void aMentorAtCapacityIsSkipped() {
        bot.say(ana, "/mentor on");
        bot.say(ana, "/mentor capacity 1");
        bot.say(ben, "/mentor on");
        bot.say(mod, "/mentor_tier 8 2");
        bot.replies();
        askForAMentor(sam);
        bot.press(ana, "Take");
        bot.replies();

        BotHarness.User kim = bot.member("9", "Kim");
        askForAMentor(kim);
        List<OutboundMessage> sent = bot.replies();
        assertThat(to(ana, sent)).noneMatch(MentorChainTest::isPage);
        assertThat(to(ben, sent)).filteredOn(MentorChainTest::isPage).hasSize(1);

        bot.say(ana, "/mentor capacity 0");
        assertThat(bot.lastReply().text()).contains("1 to 10");
    }

    @Test
    void speakersOfTheMembersLanguageArePagedFirst() {
        bot.say(ana, "/mentor on");
        bot.say(ben, "/mentor on");
        bot.say(ben, "/mentor language de en");
        // German is not a bot language yet, but a member's profile can carry it (and mentors can speak it)
        profiles.save(MemberProfile.fresh(sam.id()).withLanguage("de"));
        bot.replies();
        askForAMentor(sam);
        List<OutboundMessage> sent = bot.replies();
        assertThat(to(ben, sent)).filteredOn(MentorChainTest::isPage).hasSize(1);
        assertThat(to(ana, sent)).noneMatch(MentorChainTest::isPage);
    }

    @Test
    void afterTheLastTierTheModeratorsChannelHearsAndAModeratorCanTakeIt() {
        bot.say(ana, "/mentor on");
        bot.sayInGroup(mod, "/mentor_channel");
        bot.replies();
        askForAMentor(sam);
        String alertId = chainAlertId(to(ana, bot.replies()));

        bot.advance(Duration.ofMinutes(6));
        List<OutboundMessage> escalated = bot.replies();
        assertThat(escalated).filteredOn(m -> m.to().equals(bot.group().id()))
                .singleElement().satisfies(m -> {
                    assertThat(m.text()).contains("no mentor has acknowledged").doesNotContain("Sam");
                    assertThat(m.allButtons()).extracting(b -> b.label()).containsExactly("Take");
                });
        assertThat(to(ana, escalated)).filteredOn(MentorChainTest::isPage).hasSize(1); // tier 1 again

        bot.pressInGroup(mod, "Take");
        List<OutboundMessage> taken = bot.replies();
        assertThat(to(mod, taken)).anySatisfy(m -> assertThat(m.text()).contains("Sam").contains("It's yours"));
        assertThat(to(sam, taken)).singleElement().satisfies(m -> assertThat(m.text()).contains("Mo"));
        assertThat(chain.auditOf(alertId)).extracting(MentorAudit::action).containsExactly(
                MentorAudit.Action.OPENED, MentorAudit.Action.PAGED, MentorAudit.Action.ESCALATED,
                MentorAudit.Action.MODERATORS_NOTIFIED, MentorAudit.Action.PAGED, MentorAudit.Action.TAKEN);
    }

    @Test
    void withNobodyOnCallTheModeratorsChannelIsAskedInstead() {
        bot.sayInGroup(mod, "/mentor_channel");
        bot.replies();
        askForAMentor(sam);
        List<OutboundMessage> sent = bot.replies();
        assertThat(sent).filteredOn(m -> m.to().equals(bot.group().id()))
                .singleElement().satisfies(m -> assertThat(m.text()).contains("no mentor is on call"));
        assertThat(to(sam, sent).get(to(sam, sent).size() - 1).text()).contains("No mentor is on call right now")
                .contains("I've let the moderators know").doesNotContain("asked the mentors");

        bot.sayInGroup(mod, "/mentor_channel off");
        BotHarness.User kim = bot.member("9", "Kim");
        bot.replies();
        askForAMentor(kim);
        assertThat(to(kim, bot.replies())).last().satisfies(m -> assertThat(m.text()).contains("no mentor can be reached"));
    }

    @Test
    void theMemberIsNamedOnlyToTheMentorWhoTakesItAndTheAuditHasNoWords() {
        bot.say(ana, "/mentor on");
        bot.replies();
        bot.sayInGroup(sam, "I want to end my life");
        bot.press(sam, "Yes, connect me with a mentor");
        OutboundMessage page = to(ana, bot.replies()).stream().filter(MentorChainTest::isPage).findFirst().orElseThrow();
        assertThat(page.text()).doesNotContain("Sam");
        bot.press(ana, "Take");
        assertThat(to(ana, bot.replies())).anySatisfy(m -> assertThat(m.text()).contains("Sam"));
        bot.press(ana, "Resolve");
        String alertId = chainAlertId(List.of(page));
        assertThat(chain.auditOf(alertId)).extracting(MentorAudit::action).containsExactly(
                MentorAudit.Action.OPENED, MentorAudit.Action.PAGED, MentorAudit.Action.TAKEN,
                MentorAudit.Action.RESOLVED);
        assertThat(chain.auditOf(alertId).toString()).doesNotContain("Sam").doesNotContain("42");

        bot.say(mod, "/alert_audit " + alertId);
        assertThat(bot.lastReply().text()).contains("taken").contains("resolved")
                .containsPattern("\n\\d{1,2} \\w{3} 2026, \\d\\d:\\d\\d \\(UTC\\): ").doesNotContain("Z ");
        bot.say(sam, "/alert_audit " + alertId);
        assertThat(bot.lastReply().text()).doesNotContain("taken");
    }

    @Test
    void mentorStatusAndBadSettingsGetClearMessages() {
        bot.say(ana, "/mentor on");
        bot.say(ana, "/mentor");
        assertThat(bot.lastReply().text()).contains("on call").contains("capacity 2").contains("languages any");
        bot.say(ana, "/mentor language english");
        assertThat(bot.lastReply().text()).contains("language codes");
        bot.say(ana, "/mentor sometimes");
        assertThat(bot.lastReply().text()).contains("/mentor quiet");
        bot.sayInGroup(sam, "/mentor_channel");
        assertThat(bot.lastReply().text()).doesNotContain("will be posted here");
    }

    private static String chainAlertId(List<OutboundMessage> pages) {
        String text = pages.stream().filter(MentorChainTest::isPage).findFirst().orElseThrow().text();
        return text.substring("Crisis alert ".length(), text.indexOf(':'));
    }

    @Test
    void exportAndForgetIncludeTheRosterEntryAndTheMembersAlerts() {
        bot.say(ana, "/mentor on");
        bot.say(ana, "/export");
        assertThat(bot.lastReply().text()).contains("Your mentor roster entry");
        askForAMentor(sam);
        bot.say(sam, "/export");
        assertThat(bot.lastReply().text()).contains("Support alert a");

        bot.say(sam, "/forget");
        bot.press(sam, "Yes, erase everything");
        assertThat(bot.lastReply().text()).contains("nothing about you is stored");
        assertThat(store.openAlertOf(sam.id())).isEmpty();
        bot.say(ana, "/forget");
        bot.press(ana, "Yes, erase everything");
        assertThat(chain.mentors()).isEmpty();
    }

    @Test
    void newCrisisMessagesReachTheMentorHoldingTheAlertOncePerCooldown() {
        bot.say(ana, "/mentor on");
        bot.replies();
        bot.sayInGroup(sam, "I want to end my life");
        bot.press(sam, "Yes, connect me with a mentor");
        bot.sayInGroup(sam, "I really want to die");
        assertThat(to(ana, bot.replies())).noneMatch(m -> m.text().contains("wrote again")); // not acknowledged yet
        bot.press(ana, "Acknowledge");
        bot.replies();

        bot.sayInGroup(sam, "I want to kill myself tonight");
        bot.sayInGroup(sam, "I have the pills right here");
        List<OutboundMessage> notices = to(ana, bot.replies()).stream()
                .filter(m -> m.text().contains("wrote again")).toList();
        assertThat(notices).singleElement().satisfies(m -> assertThat(m.text())
                .contains("\u201cI want to kill myself tonight\u201d").doesNotContain("pills").doesNotContain("Sam"));
        bot.advance(AlertPaging.WROTE_AGAIN_COOLDOWN.plusMinutes(1));
        bot.replies();
        bot.sayInGroup(sam, "I want to kill myself");
        assertThat(to(ana, bot.replies())).filteredOn(m -> m.text().contains("wrote again")).hasSize(1);
    }

    @Test
    void theMemberIsToldWhatAMentorWillSeeAndADirectRequestCarriesNoWords() {
        bot.say(ana, "/mentor on");
        bot.replies();
        bot.say(sam, "I want to end my life"); // privately: consent first, nobody paged yet
        assertThat(to(sam, bot.replies())).last().satisfies(m -> assertThat(m.text())
                .contains("a few words of your message and where you wrote it"));
        assertThat(to(ana, bot.replies())).isEmpty();
        bot.say(sam, "/help-now");
        assertThat(to(sam, bot.replies())).last().satisfies(m -> assertThat(m.text()).doesNotContain("few words"));
        bot.press(sam, "Yes, connect me with a mentor");
        // asked directly: the earlier message is not attached to a request the member made by command
        assertThat(to(ana, bot.replies())).filteredOn(MentorChainTest::isPage).singleElement()
                .satisfies(m -> assertThat(m.text()).doesNotContain("They wrote").doesNotContain("end my life"));
    }

    @Test
    void anExcerptOlderThanItsKeepingTimeIsNotAttachedAndIsExportedAndErasedMeanwhile() {
        bot.say(ana, "/mentor on");
        bot.say(sam, "I want to end my life");
        bot.say(sam, "/export");
        assertThat(bot.lastReply().text()).contains("Your last message the safety screen noticed");
        bot.advance(AlertPaging.FLAGGED_CONTEXT_KEPT.plusMinutes(1));
        bot.replies();
        bot.press(sam, "Yes, connect me with a mentor");
        assertThat(to(ana, bot.replies())).filteredOn(MentorChainTest::isPage).singleElement()
                .satisfies(m -> assertThat(m.text()).doesNotContain("They wrote").doesNotContain("end my life"));

        BotHarness.User kim = bot.member("9", "Kim");
        bot.sayInGroup(kim, "I want to end my life");
        bot.say(kim, "/forget");
        bot.press(kim, "Yes, erase everything");
        assertThat(store.lastFlagged(kim.id())).isEmpty();
    }

    @Test
    void theModeratorsChannelGetsTheLinkButNotTheWords() {
        bot.sayInGroup(mod, "/mentor_channel");
        bot.replies();
        bot.sayInGroup(sam, "I want to end my life"); // in a group: paged at once; nobody on call, so the channel
        assertThat(bot.replies()).filteredOn(m -> m.to().equals(bot.group().id())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Message: https://chat.example/")
                        .contains("no mentor is on call").doesNotContain("end my life").doesNotContain("Sam"));
        bot.press(sam, "Yes, connect me with a mentor");
        assertThat(bot.replies()).noneMatch(m -> m.to().equals(bot.group().id()));
        assertThat(bot.lastReply().text()).contains("No mentor is on call right now").contains("moderators know");
    }

    @Test
    void onlyMentorsOnTheMembersPlatformArePagedBecauseOnlyTheyCanMessageThem() {
        org.fellowship.core.model.ChatUserId onDiscord = new org.fellowship.core.model.ChatUserId(
                org.fellowship.core.model.Platform.DISCORD, "7");
        store.saveMentor(new Mentor(onDiscord, "Dee", 1, true));
        askForAMentor(sam);
        List<OutboundMessage> sent = bot.replies();
        assertThat(sent).noneMatch(m -> onDiscord.equals(m.recipient()));
        assertThat(to(sam, sent)).last().satisfies(m -> assertThat(m.text()).contains("no mentor can be reached"));

        bot.say(ana, "/mentor on");
        BotHarness.User kim = bot.member("9", "Kim");
        bot.replies();
        askForAMentor(kim);
        assertThat(to(ana, bot.replies())).filteredOn(MentorChainTest::isPage).hasSize(1);
    }

    /** A harness with profiles, {@code chain} and the crisis reply, on this test's clock. */
    private BotHarness harnessFor(MentorChain chain) {
        return BotHarness.builder()
                .clock(clock)
                .feature(new ProfileFeature())
                .feature(chain)
                .feature(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
                        CrisisResources.builtInTable(), chain))
                .build();
    }

    /** A chain that serves only the fellowship's own groups; the harness group (-1001) is not one of them. */
    @org.junit.jupiter.api.Nested
    class SecureByDefault {
        private final MentorStore ownStore = MentorStore.inMemory(clock);
        private final MentorChain ownChain = MentorChain.on(ownStore).onlyFor(java.util.Set.of());
        private final BotHarness deployed = harnessFor(ownChain);
        private final BotHarness.User mentor = deployed.mentor("7", "Ana");
        private final BotHarness.User moderator = deployed.moderator("1", "Mo");
        private final BotHarness.User member = deployed.member("42", "Sam");

        @Test
        void withNoGroupsSetNoGroupShapesTheChainUntilTheOperatorClaimsIt() {
            deployed.sayInGroup(mentor, "/mentor on");
            assertThat(deployed.lastReply().text()).contains("not one of them").contains("/fellowship claim");
            deployed.sayInGroup(moderator, "/mentor_channel");
            assertThat(deployed.lastReply().text()).contains("not one of them");
            assertThat(ownChain.mentors()).isEmpty();

            String code = ownChain.claimCode();
            assertThat(code).hasSize(16).isEqualTo(ownChain.claimCode());
            deployed.sayInGroup(member, "/fellowship claim " + code);
            assertThat(deployed.lastReply().text()).contains("for moderators");
            deployed.sayInGroup(moderator, "/fellowship claim WRONGCODE");
            assertThat(deployed.lastReply().text()).contains("not right");
            deployed.sayInGroup(moderator, "/fellowship claim " + code.toLowerCase(java.util.Locale.ROOT));
            assertThat(deployed.lastReply().text()).contains("now one of the fellowship's own");
            assertThat(ownChain.claimCode()).as("a code claims once").isNotEqualTo(code);

            deployed.sayInGroup(mentor, "/mentor on");
            assertThat(deployed.lastReply().text()).contains("You're on call");
            deployed.sayInGroup(moderator, "/fellowship");
            assertThat(deployed.lastReply().text()).contains("tg:-1001 (claimed)");
            deployed.sayInGroup(moderator, "/fellowship unclaim");
            deployed.sayInGroup(mentor, "/mentor on");
            assertThat(deployed.lastReply().text()).contains("not one of them");
        }
    }

    @org.junit.jupiter.api.Nested
    class OnlyTheFellowshipsGroups {
        private final org.fellowship.core.model.CommunityId home = new org.fellowship.core.model.CommunityId(
                org.fellowship.core.model.Platform.TELEGRAM, "-1009");
        private final MentorStore ownStore = MentorStore.inMemory(clock);
        private final MentorChain ownChain = MentorChain.on(ownStore).onlyFor(java.util.Set.of(home));
        private final BotHarness other = harnessFor(ownChain);
        private final BotHarness.User member = other.member("42", "Sam");
        private final BotHarness.User mentor = other.mentor("7", "Ana");
        private final BotHarness.User moderator = other.moderator("1", "Mo");

        @Test
        void aStrangersGroupCannotJoinTheRosterOrTakeTheModeratorsChannel() {
            other.sayInGroup(mentor, "/mentor on");
            assertThat(other.lastReply().text()).contains("not one of them").contains("tg:-1001");
            other.sayInGroup(moderator, "/mentor_channel");
            assertThat(other.lastReply().text()).contains("not one of them");
            other.sayInGroup(moderator, "/mentor_tier 7 1");
            assertThat(other.lastReply().text()).contains("not one of them");
            assertThat(ownChain.mentors()).isEmpty();
            assertThat(ownStore.moderatorsChannel(org.fellowship.core.model.Platform.TELEGRAM)).isEmpty();
            other.sayInGroup(mentor, "/mentor off");
            assertThat(other.lastReply().text()).contains("off call");
        }

        @Test
        void itsMembersGetTheCrisisLinesButNoOfferOfMentorsTheyDoNotKnow() {
            other.sayInGroup(member, "I want to end my life");
            OutboundMessage reply = other.replies().stream().filter(m -> member.id().equals(m.recipient()))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(reply.text()).contains("116 123").doesNotContain("connect you with a mentor");
            assertThat(reply.allButtons()).isEmpty();
            assertThat(ownStore.lastFlagged(member.id())).as("no words kept where no mentor is offered").isEmpty();

            other.advance(Duration.ofMinutes(11)); // past the crisis reply's cooldown
            other.say(member, "I want to end my life");
            assertThat(other.lastReply().text()).contains("connect you with a mentor"); // a private chat is served
        }

        @Test
        void aFellowshipGroupThatMovedKeepsItsPlace() {
            assertThat(other.aliases().record(home, other.group().community())).isTrue();
            other.sayInGroup(mentor, "/mentor on");
            assertThat(other.lastReply().text()).contains("on call");
            assertThat(ownChain.mentors()).hasSize(1);
        }
    }
}
