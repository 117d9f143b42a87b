package org.fellowship.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.model.Access;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.api.Test;

class SubcommandsTest {
    /** What each handler received, as "sub:arguments". */
    private final List<String> ran = new ArrayList<>();

    private final Subcommands notes = Subcommands.of("notes")
            .bare(turn -> ran.add("bare"))
            .sub("add", (turn, rest) -> ran.add("add:" + rest))
            .sub("clear", Access.MODERATOR, (turn, rest) -> ran.add("clear:" + rest))
            .otherwise((turn, args) -> ran.add("otherwise:" + args));

    private final BotHarness bot = BotHarness.builder().feature((registry, context) -> {
        registry.command("notes", "[add <text> | clear]", "Notes", Access.EVERYONE, notes);
        registry.command("plain", "[add]", "Defaults only", Access.EVERYONE, Subcommands.of("plain")
                .sub("add", (turn, rest) -> turn.reply("added " + rest))
                .sub("wipe", Access.MODERATOR, (turn, rest) -> turn.reply("wiped")));
        registry.command("rules", "", "Own refusal", Access.EVERYONE, Subcommands.of("rules")
                .bare(turn -> turn.reply("the rules"))
                .otherwise(Access.MODERATOR, (turn, args) -> turn.reply("set to " + args))
                .refusing((turn, command) -> turn.reply("Only moderators change " + command + ".")));
    }).build();
    private final BotHarness.User sam = bot.member("42", "Sam");

    @Test
    void theFirstWordPicksTheSubcommandInAnyCaseAndItGetsTheRestStripped() {
        bot.say(sam, "/notes ADD   buy   milk  ").say(sam, "/notes add").say(sam, "/notes Add\tx");
        assertThat(ran).containsExactly("add:buy   milk", "add:", "add:x");
    }

    @Test
    void noArgumentsRunTheBareHandlerAndAnUnknownWordRunsOtherwiseWithAllArguments() {
        bot.say(sam, "/notes").say(sam, "/notes   ").say(sam, "/notes addx 1").say(sam, "/notes 7");
        assertThat(ran).containsExactly("bare", "bare", "otherwise:addx 1", "otherwise:7");
    }

    @Test
    void aModeratorsSubcommandIsRefusedPrivatelyInTheEnginesWords() {
        bot.sayInGroup(sam, "/plain WIPE all");
        assertThat(bot.replies()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("/plain wipe is for moderators of this group.");
            assertThat(m.delivery()).isEqualTo(Delivery.PRIVATE);
        });
        bot.sayInGroup(bot.moderator("7", "Mo"), "/plain wipe");
        assertThat(bot.lastReply().text()).isEqualTo("wiped");
    }

    @Test
    void accessIsReadFromTheEventThatRunsTheSubcommandEveryTime() {
        BotHarness.User asModerator = new BotHarness.User(sam.id(), "Sam", true, false);
        bot.sayInGroup(asModerator, "/notes clear now");
        bot.sayInGroup(sam, "/notes clear again");
        bot.sayInGroup(asModerator, "/notes clear later");
        assertThat(ran).containsExactly("clear:now", "clear:later");
        assertThat(bot.replies()).extracting(OutboundMessage::text)
                .containsExactly("/notes clear is for moderators of this group.");
    }

    @Test
    void aFeatureWordsItsOwnRefusalAndOtherwiseCanBeForModeratorsToo() {
        bot.sayInGroup(sam, "/rules");
        bot.sayInGroup(sam, "/rules set be kind");
        bot.sayInGroup(sam, "/rules");
        assertThat(bot.replies()).extracting(OutboundMessage::text)
                .containsExactly("the rules", "Only moderators change /rules set.", "the rules");
        bot.sayInGroup(bot.moderator("7", "Mo"), "/rules set be kind");
        assertThat(bot.lastReply().text()).isEqualTo("set to set be kind");
    }

    @Test
    void withoutOtherwiseAnUnknownWordOrNoWordIsAUsageErrorWithTheCommandsUsage() {
        bot.say(sam, "/plain FROB it").say(sam, "/plain");
        assertThat(bot.replies()).extracting(OutboundMessage::text).containsExactly(
                "I don't know \"/plain FROB\". Say which: /plain add, /plain wipe.\nUsage: /plain [add]",
                "Say which: /plain add, /plain wipe.\nUsage: /plain [add]");
    }

    @Test
    void usageErrorsFromAHandlerReachTheEngine() {
        BotHarness failing = BotHarness.builder().feature((registry, context) -> registry.command("x", "<n>", "X",
                Access.EVERYONE, Subcommands.of("x").sub("go", (turn, rest) -> {
                    throw new UsageException("Give a number.");
                }))).build();
        failing.say(sam, "/x go");
        assertThat(failing.lastReply().text()).isEqualTo("Give a number.\nUsage: /x <n>");
    }

    @Test
    void eachStepIsANewValueSoAnEarlierOneIsUnchanged() {
        Subcommands base = Subcommands.of("v").otherwise((turn, args) -> ran.add("base:" + args));
        Subcommands more = base.sub("go", (turn, rest) -> ran.add("go:" + rest));
        BotHarness two = BotHarness.builder().feature((registry, context) -> {
            registry.command("base", "", "Base", Access.EVERYONE, base);
            registry.command("more", "", "More", Access.EVERYONE, more);
        }).build();
        two.say(sam, "/base go 1").say(sam, "/more go 2");
        assertThat(ran).containsExactly("base:go 1", "go:2");
    }

    @Test
    void aSubcommandIsOneLowerCaseWordRegisteredOnce() {
        Subcommands s = Subcommands.of("s").sub("go", (turn, rest) -> { });
        assertThatThrownBy(() -> s.sub("go", (turn, rest) -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/s go");
        for (String bad : List.of("", "Go", "two words", " go")) {
            assertThatThrownBy(() -> s.sub(bad, (turn, rest) -> { })).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
