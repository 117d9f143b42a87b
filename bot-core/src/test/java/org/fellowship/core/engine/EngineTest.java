package org.fellowship.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fellowship.core.model.Access;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.PlatformCapabilities;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.junit.jupiter.api.Test;

class EngineTest {
    /** A tiny feature for exercising the pipeline. */
    private static final Feature ECHO = (registry, context) -> {
        registry.command("echo", "<text>", "Repeat text", Access.EVERYONE, (turn, args) -> turn.reply(args));
        registry.command("boom", "", "Fails on purpose", Access.EVERYONE, (turn, args) -> {
            throw new IllegalStateException("secret internal detail");
        });
        registry.command("ban_test", "", "Moderators only", Access.MODERATOR, (turn, args) -> turn.reply("done"));
        registry.command("pick", "", "Offer two buttons", Access.EVERYONE, (turn, args) -> turn.reply("Pick one",
                List.of(ButtonRow.of(turn.button("Red", "pick.colour", Map.of("c", "red")),
                        turn.button("Blue", "pick.colour", Map.of("c", "blue"))))));
        registry.command("long", "", "A long answer", Access.EVERYONE, (turn, args) -> turn.reply("word ".repeat(1000)));
        registry.command("secret", "", "A private answer", Access.EVERYONE,
                (turn, args) -> turn.replyPrivately("only for you"));
        registry.button("pick.colour", (turn, action) -> turn.reply("You picked " + action.get("c")));
    };

    private final BotHarness bot = BotHarness.builder().feature(ECHO).build();
    private final BotHarness.User sam = bot.member("42", "Sam");

    @Test
    void routesCommandsWithAndWithoutBotName() {
        bot.say(sam, "/echo hello").say(sam, "/echo@fellowship_bot again");
        assertThat(bot.replies()).extracting(OutboundMessage::text).containsExactly("hello", "again");
    }

    @Test
    void nativeCommandsPassTheSafetyScreenAndModerationLikeTypedOnes() {
        List<String> screened = new java.util.ArrayList<>();
        BotHarness guarded = BotHarness.builder().feature(ECHO).feature((registry, context) -> {
            registry.safetyScreen((turn, text) -> screened.add(text) && false);
            registry.guard((turn, text, flagged) -> !text.contains("spam"));
        }).build();
        org.fellowship.core.model.Member member = new org.fellowship.core.model.Member(sam.id(), "Sam", false, false,
                false);
        guarded.deliver(new org.fellowship.core.event.CommandInvoked("c1", guarded.group(), member,
                guarded.clock().instant(), null, "echo", "hello"));
        guarded.deliver(new org.fellowship.core.event.CommandInvoked("c2", guarded.group(), member,
                guarded.clock().instant(), null, "echo", "spam"));
        assertThat(screened).containsExactly("/echo hello", "/echo spam");
        assertThat(guarded.replies()).extracting(OutboundMessage::text).containsExactly("hello");
    }

    @Test
    void unknownCommandGetsOneLineWithASuggestion() {
        bot.say(sam, "/ecko hi");
        String reply = bot.lastReply().text();
        assertThat(reply).contains("/ecko").contains("Did you mean /echo?").contains("/help").doesNotContain("\n");
    }

    @Test
    void quietInGroupsAnotherBotsCommandGetsNothingAndErrorsGoPrivately() {
        bot.sayInGroup(sam, "/rank");
        assertThat(bot.replies()).as("another bot's command, not addressed to us").isEmpty();
        bot.sayInGroup(sam, "/ecko@fellowship_bot hi");
        assertThat(bot.replies()).singleElement().satisfies(m -> {
            assertThat(m.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(m.text()).contains("Did you mean /echo?");
        });
        bot.sayInGroup(sam, "/ban_test");
        assertThat(bot.replies()).singleElement().satisfies(m -> {
            assertThat(m.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(m.text()).contains("for moderators");
        });
        bot.sayInGroup(sam, "/help");
        assertThat(bot.replies()).singleElement().satisfies(m -> assertThat(m.delivery()).isEqualTo(Delivery.PRIVATE));
        assertThat(bot.gateway().sent()).noneMatch(m -> m.to().equals(bot.group().id()));
    }

    @Test
    void failingCommandGetsAnApologyWithoutInternals() {
        bot.say(sam, "/boom");
        assertThat(bot.lastReply().text()).contains("something went wrong").doesNotContain("secret internal detail")
                .doesNotContain("Exception");
    }

    @Test
    void moderatorCommandsAreRefusedToMembersAndHiddenFromTheirHelp() {
        bot.say(sam, "/ban_test");
        assertThat(bot.lastReply().text()).contains("for moderators");
        bot.say(sam, "/help");
        assertThat(bot.lastReply().text()).contains("/echo <text>").doesNotContain("/ban_test");
        bot.say(bot.moderator("7", "Mo"), "/help");
        assertThat(bot.lastReply().text()).contains("For moderators:\n/ban_test");
    }

    @Test
    void helpForOneCommandShowsItsUsage() {
        bot.say(sam, "/help echo");
        assertThat(bot.lastReply().text()).isEqualTo("Usage: /echo <text>\nRepeat text\nWho can use it: everyone.");
        bot.say(sam, "/help ban_test");
        assertThat(bot.lastReply().text()).contains("Who can use it: moderators of the group");
        bot.say(sam, "/help nothing");
        assertThat(bot.lastReply().text()).contains("I don't know /nothing").contains("Usage: /help [command]");
    }

    @Test
    void duplicateEventsAreHandledOnce() {
        MessageReceived event = MessageReceived.simple("update-1", Conversation.direct(sam.id()),
                new org.fellowship.core.model.Member(sam.id(), "Sam", false, false, false), bot.clock().instant(), "1", "/echo once");
        bot.deliver(event).deliver(event);
        assertThat(bot.replies()).hasSize(1);
    }

    @Test
    void messagesFromBotsAreIgnored() {
        bot.deliver(MessageReceived.simple("e1", Conversation.direct(sam.id()),
                new org.fellowship.core.model.Member(sam.id(), "Other bot", false, false, true), bot.clock().instant(), "1",
                "/echo hi"));
        assertThat(bot.replies()).isEmpty();
    }

    @Test
    void buttonPressRunsItsHandlerOnlyForTheMemberItWasFor() {
        bot.say(sam, "/pick");
        bot.press(sam, "Blue");
        assertThat(bot.lastReply().text()).isEqualTo("You picked blue");
        assertThat(bot.gateway().actions()).anySatisfy(a -> assertThat(a.kind()).isEqualTo("ack"));
    }

    @Test
    void numberedChoicesStandInForButtonsWhereThePlatformHasNone() {
        BotHarness textOnly = BotHarness.builder().feature(ECHO).capabilities(new PlatformCapabilities(
                Platform.TELEGRAM, 4096, false, 0, 0, true, false, true, true)).build();
        BotHarness.User alex = textOnly.member("9", "Alex");
        textOnly.say(alex, "/pick");
        OutboundMessage offer = textOnly.lastReply();
        assertThat(offer.hasButtons()).isFalse();
        assertThat(offer.text()).contains("Reply with a number:\n1. Red\n2. Blue");
        textOnly.say(alex, "2");
        assertThat(textOnly.lastReply().text()).isEqualTo("You picked blue");
        textOnly.say(alex, "7");
        assertThat(textOnly.lastReply().text()).isEqualTo("Please reply with one of the numbers shown: 1, 2.");
    }

    @Test
    void onAScaleTheNumberTypedIsTheValueShownNotItsPosition() {
        Feature scale = (registry, context) -> {
            registry.command("rate", "", "0-10", Access.EVERYONE, (turn, args) -> {
                List<org.fellowship.core.outbound.Button> row = new java.util.ArrayList<>();
                for (int v = 0; v <= 10; v++) {
                    row.add(turn.button(String.valueOf(v), "rate.value", Map.of("v", String.valueOf(v))));
                }
                turn.reply("How strong?", List.of(new ButtonRow(row.subList(0, 6)), new ButtonRow(row.subList(6, 11))));
            });
            registry.button("rate.value", (turn, action) -> turn.reply("Recorded " + action.get("v")));
        };
        BotHarness textOnly = BotHarness.builder().feature(scale).capabilities(new PlatformCapabilities(
                Platform.TELEGRAM, 4096, false, 0, 0, true, false, true, true)).build();
        BotHarness.User alex = textOnly.member("9", "Alex");
        textOnly.say(alex, "/rate");
        assertThat(textOnly.lastReply().text()).endsWith("Reply with a number: 0-10");
        for (String typed : List.of("8", "10", "0", " 3 ")) {
            textOnly.say(alex, typed);
            assertThat(textOnly.lastReply().text()).isEqualTo("Recorded " + typed.strip());
        }
        textOnly.say(alex, "12");
        assertThat(textOnly.lastReply().text()).isEqualTo("Please reply with one of the numbers shown: 0-10.");
    }

    @Test
    void longRepliesAreSplitToThePlatformLimit() {
        BotHarness discord = BotHarness.builder().feature(ECHO).gateway(FakeChatGateway.discord()).build();
        discord.say(discord.member("1", "Kim"), "/long");
        List<OutboundMessage> parts = discord.replies();
        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(2000));
        assertThat(String.join(" ", parts.stream().map(OutboundMessage::text).toList()).split(" ")).hasSize(1000);
    }

    @Test
    void privateRepliesInAGroupGoToTheDirectChat() {
        bot.sayInGroup(sam, "/secret");
        OutboundMessage reply = bot.lastReply();
        assertThat(reply.to().value()).isEqualTo("42");
        assertThat(reply.delivery()).isEqualTo(Delivery.PRIVATE);
    }

    @Test
    void privateReplyToAMemberWithoutDmLeavesOnlyAPointerAndStartDeliversIt() {
        bot.gateway().closeDirectMessages(sam.id());
        bot.sayInGroup(sam, "/secret");
        OutboundMessage pointer = bot.lastReply();
        assertThat(pointer.to()).isEqualTo(bot.group().id());
        assertThat(pointer.text()).doesNotContain("only for you").contains("https://t.me/fellowship_test_bot?start=");
        String token = pointer.text().substring(pointer.text().indexOf("start=") + 6);

        bot.gateway().openDirectMessages(sam.id());
        bot.say(bot.member("43", "Someone else"), "/start " + token);
        assertThat(bot.lastReply().text()).isEqualTo("That link was meant for someone else.");
        bot.say(sam, "/start " + token);
        assertThat(bot.lastReply().text()).isEqualTo("only for you");
        assertThat(bot.lastReply().to().value()).isEqualTo("42");
        bot.say(sam, "/start " + token);
        assertThat(bot.lastReply().text()).as("a link works once").startsWith("Hi, I'm Fellowship");
    }

    @Test
    void gatewayFailuresAreNotThrownAtTheMember() {
        bot.gateway().failNext(new GatewayException(GatewayException.Reason.UNAVAILABLE, "down"));
        bot.say(sam, "/echo hi");
        bot.say(sam, "/echo again");
        assertThat(bot.replies()).extracting(OutboundMessage::text).containsExactly("again");
    }
}
