package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.junit.jupiter.api.Test;

/** {@code /ban}, {@code /unban}, {@code /kick}, {@code /mute}, {@code /unmute}, {@code /purge} and {@code /slowmode}. */
class MemberActionsTest {
    private final ModBot m = new ModBot();
    private final BotHarness.User mod = m.bot.moderator("7", "Mo");
    private final BotHarness.User mod2 = m.bot.moderator("8", "Kim");
    private final BotHarness.User sam = m.bot.member("42", "Sam");
    private final BotHarness.User ana = m.bot.member("43", "Ana");

    MemberActionsTest() {
        m.gateway().moderator(mod.id()).moderator(mod2.id());
    }

    private List<FakeChatGateway.Action> actions(String kind) {
        return m.gateway().actions().stream().filter(a -> a.kind().equals(kind)).toList();
    }

    /** Everything the bot sent since the last call, checking that nothing went to the group. */
    private List<OutboundMessage> privateReplies() {
        List<OutboundMessage> out = m.replies();
        assertThat(out).allSatisfy(r -> assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE));
        return out;
    }

    private OutboundMessage to(List<OutboundMessage> out, BotHarness.User user) {
        return out.stream().filter(r -> user.id().equals(r.recipient())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing for " + user.name() + ": " + out));
    }

    @Test
    void muteByReplyForTwoHoursTellsTheMemberExactlyThatAndIsACase() {
        m.say(sam, "s1", "buy my stuff");
        m.replies();
        m.reply(mod, "c1", "/mute 2h selling", "s1", sam);
        FakeChatGateway.Action mute = actions("mute").get(0);
        assertThat(mute.user()).isEqualTo(sam.id());
        assertThat(mute.until()).isEqualTo(m.bot.clock().instant().plus(Duration.ofHours(2)));
        List<OutboundMessage> out = privateReplies();
        assertThat(to(out, sam).text()).isEqualTo("You were muted in Morning group for 2 hours. Reason: selling. "
                + "If you think this is a mistake, you can talk to a moderator.");
        assertThat(to(out, sam).to()).isEqualTo(Conversation.direct(sam.id()).id());
        assertThat(to(out, mod).text()).isEqualTo("Muted member 42 for 2 hours (case 1). They were told privately.");
        assertThat(m.cases()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("mute");
            assertThat(c.actor()).isEqualTo(mod.id());
            assertThat(c.subject()).isEqualTo(sam.id());
            assertThat(c.messageId()).isEqualTo("s1");
            assertThat(c.reason()).isEqualTo("for 2 hours; selling");
        });
    }

    @Test
    void muteWithoutDurationLastsAnHourAndUnmuteLiftsIt() {
        m.mod(mod, "/mute 42");
        assertThat(actions("mute").get(0).until()).isEqualTo(m.bot.clock().instant().plus(Duration.ofHours(1)));
        assertThat(to(privateReplies(), sam).text()).startsWith("You were muted in Morning group for 1 hour.");
        m.mod(mod, "/unmute 42");
        assertThat(actions("unmute")).singleElement().satisfies(a -> assertThat(a.user()).isEqualTo(sam.id()));
        List<OutboundMessage> out = privateReplies();
        assertThat(to(out, sam).text()).isEqualTo("You can write in Morning group again.");
        assertThat(to(out, mod).text()).isEqualTo("Lifted the mute of member 42 (case 2). They were told privately.");
        assertThat(m.cases()).extracting(ModCase::action).containsExactly("mute", "unmute");
    }

    @Test
    void kickAndBanByIdOrMentionWithAReason() {
        m.mod(mod, "/kick <@42> spam links");
        assertThat(to(privateReplies(), sam).text()).isEqualTo("You were removed from Morning group. Reason: spam "
                + "links. You can join again. If you think this is a mistake, you can talk to a moderator.");
        m.mod(mod, "/ban 43");
        List<OutboundMessage> out = privateReplies();
        assertThat(to(out, ana).text()).isEqualTo("You were banned from Morning group. If you think this is a "
                + "mistake, you can talk to a moderator.");
        assertThat(to(out, mod).text()).isEqualTo("Banned member 43 (case 2). They were told privately.");
        assertThat(m.kinds()).containsExactly("kick", "ban");
        assertThat(m.cases()).extracting(ModCase::action, ModCase::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kick", "spam links"),
                        org.assertj.core.groups.Tuple.tuple("ban", ""));
    }

    @Test
    void aTemporaryBanEndsByItselfUnlessSuperseded() {
        m.mod(mod, "/ban 42 2d scamming");
        assertThat(to(privateReplies(), sam).text()).startsWith("You were banned from Morning group for 2 days. "
                + "Reason: scamming.");
        m.mod(mod, "/ban 43 1d");
        m.mod(mod, "/ban 43"); // for good now: the first ban's end must not lift it
        m.bot.advance(Duration.ofDays(3));
        assertThat(actions("unban")).singleElement().satisfies(a -> assertThat(a.user()).isEqualTo(sam.id()));
        assertThat(m.cases()).last().satisfies(c -> {
            assertThat(c.action()).isEqualTo("unban");
            assertThat(c.actor()).isNull();
            assertThat(c.reason()).isEqualTo("the temporary ban of case 1 ended");
        });
    }

    @Test
    void unbanLiftsABanAndSaysSo() {
        m.mod(mod, "/unban 42");
        assertThat(actions("unban")).hasSize(1);
        assertThat(to(privateReplies(), mod).text()).isEqualTo("Lifted the ban of member 42 (case 1). They were "
                + "told privately.");
    }

    @Test
    void refusalsAreExplainedPrivatelyAndTheMemberHearsNothing() {
        m.mod(mod, "/ban 8");
        assertThat(to(privateReplies(), mod).text()).contains("is a moderator or admin").contains("don't ban");
        m.mod(mod, "/kick 7");
        assertThat(to(privateReplies(), mod).text()).isEqualTo("You can't kick yourself.");
        m.gateway().failNext("ban", new GatewayException(GatewayException.Reason.FORBIDDEN, "not enough rights"));
        m.mod(mod, "/ban 42");
        List<OutboundMessage> out = privateReplies();
        assertThat(out).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("Case 1: could not ban the "
                + "member: the bot lacks the right to do that here (admin rights or role hierarchy) (not enough "
                + "rights)."));
        m.gateway().failNext("mute", new GatewayException(GatewayException.Reason.NOT_FOUND, "user not found"));
        m.mod(mod, "/mute 43 10m");
        assertThat(privateReplies()).singleElement().satisfies(r -> assertThat(r.text())
                .contains("the message or member is already gone"));
        assertThat(m.cases()).extracting(ModCase::outcome).allMatch(o -> o.startsWith("failed:"));
        assertThat(m.kinds()).isEmpty();
    }

    @Test
    void durationsOutOfRangeAreRefusedWithUsage() {
        m.mod(mod, "/mute 42 30d");
        assertThat(m.lastText()).contains("A mute lasts from 1m to 28d");
        m.mod(mod, "/ban 42 30s");
        assertThat(m.lastText()).contains("A temporary ban lasts from 1m");
        assertThat(m.kinds()).isEmpty();
        assertThat(m.cases()).isEmpty();
    }

    @Test
    void membersCannotUseTheActions() {
        for (String command : List.of("/ban 43", "/unban 43", "/kick 43", "/mute 43", "/unmute 43", "/purge 5",
                "/slowmode 30")) {
            m.bot.sayInGroup(sam, command);
        }
        assertThat(m.kinds()).isEmpty();
        assertThat(m.cases()).isEmpty();
    }

    @Test
    void purgeDeletesTheLatestMessagesItSawOfTheRepliedMemberOrOfTheChat() {
        m.say(sam, "s1", "one").say(ana, "a1", "hello").say(sam, "s2", "two").say(sam, "s3", "three");
        m.replies();
        m.reply(mod, "c1", "/purge 2", "s3", sam);
        assertThat(actions("delete")).extracting(a -> a.ref().messageId()).containsExactly("s3", "s2");
        assertThat(to(privateReplies(), mod).text()).startsWith("Deleted 2 messages of member 42 (case 1).")
                .contains("only their messages");
        m.mod(mod, "/purge 10");
        assertThat(actions("delete")).extracting(a -> a.ref().messageId()).containsExactly("s3", "s2", "a1", "s1");
        assertThat(to(privateReplies(), mod).text()).startsWith("Deleted 2 messages (case 2).");
        assertThat(m.cases()).extracting(ModCase::reason).containsExactly(
                "deleted 2 of the last 2 messages of member 42", "deleted 2 of the last 10 messages");
    }

    @Test
    void afterForgetAPurgeNoLongerKnowsTheMembersMessages() {
        m.say(sam, "s1", "one").say(ana, "a1", "hello").say(sam, "s2", "two");
        m.replies();
        assertThat(m.feature.eraser().erase(sam.id())).as("message ids in memory are not stored records").isZero();
        m.mod(mod, "/purge 10");
        assertThat(actions("delete")).extracting(a -> a.ref().messageId()).containsExactly("a1");
        assertThat(m.feature.eraser().export(sam.id())).isEmpty();
    }

    @Test
    void purgeIsBoundedAndReportsPlatformRefusals() {
        m.mod(mod, "/purge 0");
        assertThat(m.lastText()).contains("from 1 to 100");
        m.mod(mod, "/purge 101");
        assertThat(m.lastText()).contains("from 1 to 100");
        m.say(sam, "s1", "old").say(sam, "s2", "new");
        m.replies();
        m.gateway().failNext("delete", new GatewayException(GatewayException.Reason.TOO_OLD, "too old"));
        m.mod(mod, "/purge 5");
        assertThat(to(privateReplies(), mod).text()).startsWith("Deleted 1 message (case 1).")
                .contains("Some could not delete the message: the platform no longer allows it");
    }

    @Test
    void slowmodeIsSetOrRefusedWithThePlatformsReason() {
        m.mod(mod, "/slowmode 30");
        assertThat(actions("slowmode")).singleElement().satisfies(a -> assertThat(a.notice()).isEqualTo("30"));
        assertThat(to(privateReplies(), mod).text()).isEqualTo("Slow mode is on: each member may send one message "
                + "per 30 seconds (case 1).");
        m.mod(mod, "/slowmode off");
        assertThat(actions("slowmode")).extracting(FakeChatGateway.Action::notice).containsExactly("30", "0");
        assertThat(to(privateReplies(), mod).text()).isEqualTo("Slow mode is off (case 2).");
        m.gateway().failNext("slowmode", GatewayException.unsupported("slow mode"));
        m.mod(mod, "/slowmode 5m");
        assertThat(to(privateReplies(), mod).text()).isEqualTo("Case 3: could not set slow mode: this platform does "
                + "not support it (slow mode is not supported on this platform).");
        m.mod(mod, "/slowmode 7h");
        assertThat(m.lastText()).contains("up to 6 hours");
    }

    @Test
    void theGroupSeesNothingButThePlatformAction() {
        m.say(sam, "s1", "x");
        m.replies();
        m.reply(mod, "c1", "/ban 1h", "s1", sam);
        m.mod(mod, "/purge 3");
        m.mod(mod, "/slowmode 10");
        assertThat(m.gateway().sent()).noneMatch(r -> r.to().equals(m.bot.group().id()));
    }
}
