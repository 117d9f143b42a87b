package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.junit.jupiter.api.Test;

class ModerationFeatureTest {
    private final ModBot m = new ModBot();
    private final BotHarness.User mod = m.bot.moderator("7", "Mo");
    private final BotHarness.User mod2 = m.bot.moderator("8", "Kim");
    private final BotHarness.User sam = m.bot.member("42", "Sam");
    private final BotHarness.User ana = m.bot.member("43", "Ana");

    ModerationFeatureTest() {
        m.gateway().moderator(mod.id()).moderator(mod2.id());
    }

    private void enforce(String addCommand) {
        m.mod(mod, addCommand);
        int id = m.rules.rules(m.bot.group().community()).size();
        m.mod(mod, "/filter mode " + id + " enforce");
        m.replies();
    }

    private List<FakeChatGateway.Action> deletes() {
        return m.gateway().actions().stream().filter(a -> a.kind().equals("delete")).toList();
    }

    @Test
    void moderatorsAreWarnedWhenThePlatformHidesGroupMessagesFromTheBot() {
        m.mod(mod, "/filter add keyword spam*");
        assertThat(m.replies()).noneMatch(r -> r.text().contains("can't see ordinary messages"));

        m.gateway().capabilities(org.fellowship.core.port.PlatformCapabilities.telegram(false));
        m.mod(mod, "/filter add keyword scam*");
        assertThat(m.replies()).anySatisfy(r -> {
            assertThat(r.text()).contains("can't see ordinary messages").contains("/setprivacy");
            assertThat(r.recipient()).isEqualTo(mod.id());
        });
        m.mod(mod, "/filter test free spam");
        assertThat(m.replies()).noneMatch(r -> r.text().contains("can't see ordinary messages"));
    }

    @Test
    void newRulesStartInLogOnlyAndOnlyWriteACase() {
        m.mod(mod, "/filter add keyword spam*");
        assertThat(m.lastText()).contains("Added rule #1 keyword \"spam*\" -> delete [log]").contains("log-only");
        m.say(sam, "s1", "spammy offer here");
        assertThat(deletes()).isEmpty();
        assertThat(m.cases()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("log");
            assertThat(c.subject()).isEqualTo(sam.id());
            assertThat(c.ruleId()).isEqualTo(1);
            assertThat(c.excerpt()).contains("spammy");
        });
    }

    @Test
    void enforcedKeywordDeletesTellsTheMemberPrivatelyAndStopsTheMessage() {
        enforce("/filter add keyword *crypto*");
        m.say(sam, "s1", "free CRYPTOCOIN giveaway");
        assertThat(deletes()).singleElement().satisfies(a -> assertThat(a.ref()).isEqualTo(m.ref("s1")));
        List<OutboundMessage> out = m.replies();
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(r.recipient()).isEqualTo(sam.id());
            assertThat(r.text()).startsWith("Your message in Morning group was removed: it contained").doesNotContain("crypto");
        });
        assertThat(m.cases()).last().satisfies(c -> {
            assertThat(c.action()).isEqualTo("delete");
            assertThat(c.outcome()).isEqualTo("done");
        });
    }

    @Test
    void unknownCommandsAreNoWayAroundTheFilters() {
        enforce("/filter add keyword *crypto*");
        m.say(sam, "s1", "/buy cheap crypto now");
        m.commandInReply(sam, "s2", "earn", "crypto daily", "s1", sam);
        assertThat(deletes()).extracting(a -> a.ref().messageId()).containsExactly("s1", "s2");
        m.say(sam, "s3", "/rules");
        assertThat(deletes()).hasSize(2);
    }

    @Test
    void anEnforcedWarnRuleDeletesWarnsPrivatelyAndClimbsTheLadder() {
        m.mod(mod, "/warnconfig ladder 2:mute:15m");
        enforce("/filter add keyword casino warn");
        m.say(sam, "s1", "casino tonight");
        assertThat(m.kinds()).containsExactly("delete");
        assertThat(m.replies()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo(sam.id());
            assertThat(r.text()).contains("received a warning").contains("broke a group rule").doesNotContain("casino");
        });
        m.say(sam, "s2", "casino again");
        assertThat(m.kinds()).containsExactly("delete", "delete", "mute");
        assertThat(m.cases()).extracting(ModCase::action).containsExactly("warn", "warn", "mute");
        assertThat(m.cases().get(0).excerpt()).isEqualTo("casino…");
    }

    @Test
    void editedMessagesAreCheckedAgain() {
        enforce("/filter add phrase buy followers");
        m.say(sam, "s1", "hello all");
        assertThat(deletes()).isEmpty();
        m.edit(sam, "s1", "hello all, buy followers cheap");
        assertThat(deletes()).singleElement().satisfies(a -> assertThat(a.ref()).isEqualTo(m.ref("s1")));
    }

    @Test
    void moderatorsExemptChatsAndOptionallyMentorsAreImmune() {
        enforce("/filter add keyword casino");
        m.say(mod, "x1", "casino");
        BotHarness.User mentor = m.bot.mentor("50", "Rae");
        m.say(mentor, "x2", "casino");
        assertThat(deletes()).hasSize(1);
        m.mod(mod, "/filter exempt mentors on");
        m.say(mentor, "x3", "casino");
        m.mod(mod, "/filter exempt chat on");
        m.say(sam, "x4", "casino");
        assertThat(deletes()).hasSize(1);
    }

    @Test
    void reviewFirstWaitsForAModeratorAndTheFirstDecisionWins() {
        m.mod(mod, "/filter add regex b(u|oo)y\\s+now mute:2h");
        m.mod(mod, "/filter mode 1 review");
        m.mod(mod, "/modalerts on");
        m.mod(mod2, "/modalerts on");
        m.replies();
        m.say(sam, "s1", "BUY NOW before it's gone");
        assertThat(m.kinds()).isEmpty();
        List<OutboundMessage> asks = m.replies();
        assertThat(asks).hasSize(2).allSatisfy(a -> assertThat(a.text()).contains("Review needed")
                .contains("Approve to mute 2 hours"));
        m.bot.press(mod2, "Approve");
        assertThat(m.kinds()).containsExactly("delete", "mute");
        assertThat(m.gateway().actions()).filteredOn(a -> a.kind().equals("mute")).singleElement()
                .satisfies(a -> assertThat(a.until()).isEqualTo(m.bot.clock().instant().plus(Duration.ofHours(2))));
        m.bot.press(mod, "Dismiss");
        assertThat(m.lastText()).contains("already handled by moderator 8");
        assertThat(m.kinds()).containsExactly("delete", "mute");
    }

    @Test
    void dismissLeavesTheMemberAlone() {
        m.mod(mod, "/filter add keyword lottery ban");
        m.mod(mod, "/filter mode 1 review");
        m.say(sam, "s1", "lottery tickets");
        m.bot.press(mod, "Dismiss");
        assertThat(m.lastText()).contains("Dismissed").contains("Nothing happens");
        assertThat(m.kinds()).isEmpty();
        assertThat(m.cases()).extracting(ModCase::action).containsExactly("review", "dismiss");
    }

    @Test
    void platformRefusalsReachTheModeratorsAndTheCaseSaysWhy() {
        enforce("/filter add keyword casino");
        m.mod(mod, "/modalerts on");
        m.replies();
        m.gateway().failNext(new GatewayException(GatewayException.Reason.FORBIDDEN, "missing delete right"));
        m.say(sam, "s1", "casino night");
        assertThat(m.cases()).last().satisfies(c -> assertThat(c.outcome())
                .contains("could not delete the message").contains("lacks the right"));
        assertThat(m.replies()).anySatisfy(r -> {
            assertThat(r.recipient()).isEqualTo(mod.id());
            assertThat(r.text()).contains("needs you").contains("lacks the right");
        });
    }

    @Test
    void telegramsFortyEightHourLimitIsExplainedWhenApprovingLate() {
        m.mod(mod, "/filter add keyword casino");
        m.mod(mod, "/filter mode 1 review");
        m.say(sam, "s1", "casino");
        m.bot.advance(Duration.ofHours(49));
        m.gateway().failNext("delete", new GatewayException(GatewayException.Reason.TOO_OLD, "message can't be deleted"));
        m.bot.press(mod, "Approve");
        assertThat(m.lastText()).contains("Approved").contains("48 hours");
    }

    @Test
    void floodRepeatsAndMentionSpamFire() {
        enforce("/filter add flood 3 10s mute:10m");
        m.say(sam, "f1", "one");
        m.say(sam, "f2", "two");
        m.say(ana, "a1", "hi");
        m.say(sam, "f3", "three");
        assertThat(m.kinds()).isEmpty();
        m.say(sam, "f4", "four");
        assertThat(m.kinds()).containsExactly("delete", "mute");
        m.bot.advance(Duration.ofSeconds(11));
        m.say(sam, "f5", "calm again");
        assertThat(m.kinds()).containsExactly("delete", "mute");

        enforce("/filter add repeat 2 60s");
        m.say(ana, "r1", "join my group");
        m.say(ana, "r2", "JOIN my group");
        assertThat(m.kinds()).hasSize(2);
        m.say(ana, "r3", "Join my group");
        assertThat(m.kinds()).hasSize(3).last().isEqualTo("delete");

        enforce("/filter add mentions 5");
        m.bot.advance(Duration.ofSeconds(11)); // out of the flood window
        m.sayWithMentions(ana, "n1", "look at this", 6);
        assertThat(m.kinds()).hasSize(4);
    }

    @Test
    void filterTestShowsWhichRulesWouldFireAndWhy() {
        m.mod(mod, "/filter add keyword crypto*");
        m.mod(mod, "/filter add link");
        m.mod(mod, "/filter mode 2 enforce");
        m.mod(mod, "/filter test cryptos at https://spam.example.com and aa.org");
        String text = m.lastText();
        assertThat(text).contains("#1 keyword \"crypto*\"").contains("logged only")
                .contains("link to spam.example.com (not on the allow-list)").contains("delete at once")
                .doesNotContain("aa.org");
        assertThat(deletes()).isEmpty();
        m.mod(mod, "/filter test hello friends");
        assertThat(m.lastText()).contains("No rule would fire");
    }

    @Test
    void badInputGetsOneClearLine() {
        m.mod(mod, "/filter add regex (a|b");
        assertThat(m.lastText()).startsWith("That regex doesn't compile").doesNotContain("Exception");
        m.mod(mod, "/filter mode 9 enforce");
        assertThat(m.lastText()).startsWith("There's no rule #9");
        m.mod(mod, "/filter mode 1 loud");
        assertThat(m.lastText()).startsWith("There's no rule #1");
        m.mod(mod, "/filter add keyword spam");
        m.mod(mod, "/filter mode 1 loud");
        assertThat(m.lastText()).startsWith("The modes are off, log, review and enforce.");
        m.mod(mod, "/filter remove abc");
        assertThat(m.lastText()).startsWith("Give the rule's number");
        m.mod(mod, "/warn @sam being rude");
        assertThat(m.lastText()).startsWith("I can't look up @names");
        m.mod(mod, "/warn 42");
        assertThat(m.lastText()).startsWith("Give a reason");
        m.mod(mod, "/case x");
        assertThat(m.lastText()).startsWith("Give a case number");
        m.mod(mod, "/filter add flood 0 10s");
        assertThat(m.lastText()).startsWith("The count goes from 1 to 100.");
        m.mod(mod, "/filter allow-domain not a domain");
        assertThat(m.lastText()).startsWith("Give one domain");
    }

    @Test
    void everyModerationCommandIsRefusedToMembers() {
        for (String command : List.of("/filter list", "/filter add keyword x", "/warn 42 spam", "/warnings 42",
                "/unwarn 42", "/case 1", "/cases 42", "/modlog here", "/modalerts on", "/warnconfig decay 7d",
                "/welcome hi", "/gate Why are you here? | recovery | selling", "/gate off")) {
            m.bot.sayInGroup(sam, command);
            assertThat(m.lastText()).as(command).endsWith("is for moderators of this group.");
        }
        m.bot.sayInGroup(sam, "/rules set anything goes");
        assertThat(m.lastText()).contains("for moderators");
        assertThat(m.rules.rules(m.bot.group().community())).isEmpty();
        assertThat(m.rules.settings(m.bot.group().community()))
                .isEqualTo(ModerationSettings.defaults(m.bot.group().community()));
        assertThat(m.cases()).isEmpty();
    }

    @Test
    void moderationButtonsAskThePlatformAgain() {
        m.mod(mod, "/filter add keyword casino");
        m.mod(mod, "/filter mode 1 review");
        m.mod(mod, "/modlog here");
        m.say(sam, "s1", "casino");
        // The mod-log copy of the review is pressable by anyone in that chat: the platform's list decides.
        m.pressInGroup(ana, "Approve");
        assertThat(m.lastText()).isEqualTo("Only moderators of that group can do this.");
        m.pressInGroup(mod2, "Approve");
        assertThat(m.kinds()).containsExactly("delete");
    }

    @Test
    void warningsCountPointsClimbTheLadderAndDecay() {
        m.mod(mod, "/warnconfig ladder 2:mute:30m 3:kick");
        m.mod(mod, "/warnconfig decay 7d");
        m.mod(mod, "/rules set Be kind. No selling.");
        m.replies();
        m.reply(mod, "c1", "/warn selling in the group", "s1", sam);
        List<OutboundMessage> out = m.replies();
        assertThat(out).anySatisfy(r -> {
            assertThat(r.recipient()).isEqualTo(sam.id());
            assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(r.text()).contains("selling in the group").contains("Be kind. No selling.").contains("It counts for 7 days.");
        });
        assertThat(out).anySatisfy(r -> assertThat(r.text()).contains("now has 1 active point"));
        m.mod(mod, "/warn 42 again");
        assertThat(m.kinds()).containsExactly("mute");
        m.bot.advance(Duration.ofDays(8));
        m.mod(mod, "/warnings 42");
        assertThat(m.lastText()).isEqualTo("Member 42 has no active warnings.");
        m.mod(mod, "/warn 42 third time");
        assertThat(m.kinds()).as("decayed points do not count").containsExactly("mute");
    }

    @Test
    void unwarnRemovesTheLatestWarningAndIsACase() {
        m.mod(mod, "/warn 42 spam");
        m.mod(mod, "/warn 42 more spam");
        m.mod(mod, "/unwarn 42");
        assertThat(m.lastText()).contains("Removed the warning of case 2").contains("now has 1 active");
        m.mod(mod, "/warnings 42");
        assertThat(m.lastText()).contains("1 active point").contains("case 1").doesNotContain("more spam");
        m.mod(mod, "/cases 42");
        assertThat(m.lastText()).contains("Case 3: unwarn member 42, by member 7").contains("Case 1: warn member 42");
        m.mod(mod, "/case 2");
        assertThat(m.lastText()).isEqualTo("Case 2: warn member 42, by member 7. Reason: more spam. 8 Mar 2026, 09:00 "
                + "(UTC)");
    }

    @Test
    void reportsGoToOptedInModeratorsWithClaimOnceAndAreRateLimited() {
        m.mod(mod, "/modalerts on");
        m.mod(mod2, "/modalerts on");
        m.replies();
        m.reply(ana, "a1", "/report selling pills", "s1", sam);
        List<OutboundMessage> out = m.replies();
        assertThat(out).noneMatch(r -> sam.id().equals(r.recipient()));
        assertThat(out).filteredOn(r -> r.text().startsWith("Report (case 1)")).hasSize(2)
                .allSatisfy(r -> assertThat(r.text()).contains("selling pills").contains("member 42"));
        assertThat(out).anySatisfy(r -> assertThat(r.text()).contains("the member is not told who reported"));
        m.bot.press(mod, "Claim");
        assertThat(m.lastText()).contains("You've claimed report case 1");
        m.bot.press(mod2, "Resolve");
        assertThat(m.lastText()).contains("already claimed by moderator 7");
        m.bot.press(mod, "Resolve");
        assertThat(m.lastText()).contains("is resolved");

        m.reply(ana, "a2", "/report", "s2", sam);
        m.reply(ana, "a3", "/report", "s3", sam);
        assertThat(m.lastText()).contains("You've sent 2 reports in the last 20 minutes.");
        m.bot.advance(Duration.ofMinutes(21));
        m.reply(ana, "a4", "/report", "s4", sam);
        assertThat(m.lastText()).contains("Thank you for telling us");
    }

    @Test
    void reportsAgainstAModeratorGoOnlyToTheOthers() {
        m.mod(mod, "/modalerts on");
        m.mod(mod2, "/modalerts on");
        m.replies();
        m.reply(ana, "a1", "/report", "x1", mod);
        assertThat(m.replies()).filteredOn(r -> r.text().startsWith("Report")).extracting(OutboundMessage::recipient)
                .containsExactly(mod2.id());
    }

    @Test
    void commandsFromTheAdaptersCarryTheRepliedMessage() {
        m.mod(mod, "/modalerts on");
        m.replies();
        m.commandInReply(ana, "a1", "report", "spam", "s1", sam);
        assertThat(m.replies()).anySatisfy(r -> assertThat(r.text()).startsWith("Report (case 1)")
                .contains("reported message s1 by member 42"));
        m.commandInReply(mod, "c1", "warn", "selling", "s1", sam);
        assertThat(m.warnings.active(m.bot.group().community(), sam.id(), m.bot.clock().instant())).hasSize(1);
    }

    @Test
    void reportNeedsAReply() {
        m.bot.sayInGroup(ana, "/report");
        assertThat(m.lastText()).startsWith("Reply to the message you want to report");
    }

    @Test
    void modLogGetsALinePerCaseWithoutNames() {
        m.gateway().name(sam.id(), "Sam"); // the platform could say, but the mod-log chat keeps ids only
        m.mod(mod, "/modlog here");
        m.mod(mod, "/filter add keyword casino");
        m.replies();
        m.say(sam, "s1", "casino");
        assertThat(m.replies()).singleElement().satisfies(r -> {
            assertThat(r.to()).isEqualTo(m.bot.group().id());
            assertThat(r.delivery()).isEqualTo(Delivery.PUBLIC);
            assertThat(r.text()).startsWith("Case 1: log member 42, rule #1 (automatic)").doesNotContain("Sam");
        });
    }

    @Test
    void newcomersAreMutedUntilTheyAnswerTheCommunitysQuestion() {
        m.mod(mod, "/gate What is this group for? | Recovery support | Selling things | Dating");
        m.mod(mod, "/welcome Glad you're here.");
        m.replies();
        m.bot.join(ana);
        assertThat(m.gateway().actions()).filteredOn(a -> a.kind().equals("mute")).singleElement()
                .satisfies(a -> assertThat(a.user()).isEqualTo(ana.id()));
        OutboundMessage question = m.bot.lastReply();
        assertThat(question.text()).contains("Welcome, Ana!").contains("within 10 minutes: What is this group for?");
        assertThat(question.allButtons()).extracting(b -> b.label())
                .containsExactly("Dating", "Recovery support", "Selling things");
        m.pressInGroup(sam, "Recovery support");
        assertThat(m.gateway().actions()).last().satisfies(a -> assertThat(a.notice())
                .isEqualTo("This button is for someone else."));
        m.bot.press(ana, "Selling things");
        assertThat(m.lastText()).contains("not the answer");
        m.bot.press(ana, "Recovery support");
        assertThat(m.lastText()).isEqualTo("Thank you, Ana, you're in! Glad you're here.\nSend /rules to read the "
                + "group's rules.");
        assertThat(m.kinds()).containsExactly("mute", "unmute");
        m.bot.advance(Duration.ofMinutes(30));
        assertThat(m.kinds()).as("the deadline was cancelled").containsExactly("mute", "unmute");
        assertThat(m.cases()).extracting(ModCase::action).containsExactly("gate", "gate-pass");
    }

    @Test
    void aNewcomerWhoDoesNotAnswerInTimeIsRemovedAndMayRejoin() {
        m.mod(mod, "/gate Is this a recovery group? | yes | no");
        m.mod(mod, "/gate time 5m");
        m.bot.join(ana);
        m.bot.advance(Duration.ofMinutes(4));
        assertThat(m.kinds()).containsExactly("mute");
        m.bot.advance(Duration.ofMinutes(2));
        assertThat(m.kinds()).containsExactly("mute", "kick");
        assertThat(m.cases()).last().satisfies(c -> assertThat(c.reason()).contains("did not answer"));
        assertThat(m.bot.lastReply()).satisfies(r -> {
            assertThat(r.to().value()).as("told privately").isEqualTo(ana.id().value());
            assertThat(r.text()).contains("welcome to join again");
        });
        m.bot.press(ana, "yes");
        assertThat(m.lastText()).contains("This question has closed");
        m.mod(mod, "/gate only | one");
        assertThat(m.lastText()).startsWith("Write the question, then 2-5 answers");
    }

    @Test
    void aGateMayHaveSeveralRightAnswers() {
        m.mod(mod, "/gate Why are you here? | +I'm in recovery | +I support someone in recovery | I sell things");
        assertThat(m.lastText()).contains("right: I'm in recovery, I support someone in recovery");
        m.bot.join(ana);
        assertThat(m.bot.lastReply().allButtons()).extracting(b -> b.label())
                .containsExactly("I sell things", "I support someone in recovery", "I'm in recovery");
        m.bot.press(ana, "I support someone in recovery");
        assertThat(m.lastText()).startsWith("Thank you, Ana, you're in!");
        m.mod(mod, "/gate Anyone? | +yes | +sure");
        assertThat(m.lastText()).contains("At least one answer must be wrong");
    }

    @Test
    void welcomeAndRules() {
        m.mod(mod, "/welcome Glad you're here.");
        m.bot.sayInGroup(sam, "/rules");
        assertThat(m.lastText()).isEqualTo("This group hasn't written down its rules yet.");
        m.mod(mod, "/rules set 1. Be kind.");
        m.bot.join(ana);
        assertThat(m.lastText()).isEqualTo("Welcome, Ana! Glad you're here.\nSend /rules to read the group's rules.");
        m.bot.sayInGroup(ana, "/rules");
        assertThat(m.lastText()).isEqualTo("1. Be kind.");
    }

    @Test
    void onlyModeratorsSetTheRulesAndTheyWriteSetThenASpace() {
        m.bot.sayInGroup(sam, "/rules SET anything goes");
        assertThat(m.bot.lastReply().text())
                .isEqualTo("Setting the rules is for moderators of this group. Send /rules to read them.");
        assertThat(m.bot.lastReply().delivery()).isEqualTo(org.fellowship.core.outbound.Delivery.PUBLIC);
        m.bot.sayInGroup(sam, "/rules whatever");
        assertThat(m.lastText()).startsWith("Setting the rules is for moderators");
        m.mod(mod, "/rules set\n1. Be kind.");
        assertThat(m.lastText()).isEqualTo("Moderators set the rules with /rules set <text>.\nUsage: /rules");
        m.mod(mod, "/rules SET  1. Be kind.");
        m.bot.sayInGroup(sam, "/rules");
        assertThat(m.lastText()).isEqualTo("1. Be kind.");
    }
}
