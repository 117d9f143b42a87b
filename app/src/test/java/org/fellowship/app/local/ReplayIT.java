package org.fellowship.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.redis.RedisStore;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs transcripts through the real engine and a real Redis, as {@code java -jar fellowship.jar replay} does. */
class ReplayIT {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private record Run(int exit, String out, String err) {
    }

    private static Run replay(String file, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LocalModes.run(new String[] {"replay", file, "--redis-url", RedisTestServer.uri()},
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every transcript under examples/ that has an expected output beside it. */
    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".jsonl") && !name.endsWith(".expected.jsonl"))
                    .filter(name -> Files.exists(EXAMPLES.resolve(name.replace(".jsonl", ".expected.jsonl"))))
                    .sorted().toList().stream();
        }
    }

    @Test
    void everyFeatureShipsAnExample() throws IOException {
        assertThat(examples()).contains("getting-started.jsonl", "milestones.jsonl", "meetings.jsonl", "crisis.jsonl");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleTranscriptGivesTheExpectedOutputByteForByte(String example) throws Exception {
        Run first = replay(EXAMPLES.resolve(example).toString(), "");
        Run second = replay(EXAMPLES.resolve(example).toString(), "");

        assertThat(first.err()).isEmpty();
        assertThat(first.exit()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(first.out()).isEqualTo(Files.readString(EXAMPLES.resolve(example.replace(".jsonl", ".expected.jsonl"))));
    }

    @Test
    void nothingAboutACrisisIsPostedToTheGroupAndOnlyModeratorsActOnTheChannelsAlert() {
        Run run = replay(EXAMPLES.resolve("crisis.jsonl").toString(), "");
        assertThat(run.exit()).isZero();
        // the members' group hears nothing; only the moderators' own chat gets alerts (category and link, no words)
        assertThat(run.out().lines()).isNotEmpty().noneMatch(l -> l.contains("\"chat\":{\"id\":\"-1001\""));
        assertThat(run.out().lines()).filteredOn(l -> l.contains("\"chat\":{\"id\":\"-2002\""))
                .isNotEmpty().noneMatch(l -> l.contains("pills") || l.contains("Dee"));
        // Lee (not a moderator) pressed the channel's Take: refused, privately, learning no name
        assertThat(run.out().lines()).filteredOn(l -> l.contains("\"chat\":{\"id\":\"8\""))
                .singleElement().satisfies(l -> assertThat(l).contains("Only the fellowship's mentors and moderators")
                        .doesNotContain("Dee"));
        assertThat(run.out()).contains("Dee (member 12) is waiting to hear from you")
                .contains("Just checking in. I'm still here");
    }

    @Test
    void duplicateMessageIdsAreAnsweredOnce() {
        String line = "{\"at\":\"2026-03-08T09:00:00Z\",\"type\":\"message\",\"platform\":\"telegram\","
                + "\"chat\":{\"id\":\"42\",\"kind\":\"direct\"},\"user\":{\"id\":\"42\",\"name\":\"Sam\"},"
                + "\"id\":\"m1\",\"text\":\"/timezone UTC\"}\n";
        Run run = replay("-", line + line);
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.out()).contains("\"action\":\"send\"").contains("\"private\":true")
                .contains("\"chat\":{\"id\":\"42\",\"kind\":\"direct\"}");
    }

    @Test
    void aFileLineServesItsBytesToTheBotAndAnUnreadablePathStopsWithItsLineNumber() {
        String upload = "{\"at\":\"2026-03-08T09:00:00Z\",\"type\":\"message\",\"platform\":\"telegram\","
                + "\"chat\":{\"id\":\"-1001\",\"kind\":\"group\"},\"user\":{\"id\":\"1\",\"moderator\":true},"
                + "\"id\":\"m1\",\"text\":\"/meetings import\",\"file\":{\"name\":\"feed.json\",\"content\":"
                + "\"[{\\\"name\\\": \\\"Noon\\\", \\\"day\\\": 1, \\\"time\\\": \\\"12:00\\\"}]\"}}\n";
        Run run = replay("-", upload);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Imported 1");

        Run missing = replay("-", upload.replace("\"content\":", "\"path\":\"no/such/feed.json\",\"x\":"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("line 1").contains("no/such/feed.json cannot be read");
    }

    @Test
    void malformedLineStopsWithItsLineNumber() {
        String good = "{\"at\":\"2026-03-08T09:00:00Z\",\"type\":\"message\",\"platform\":\"telegram\","
                + "\"chat\":{\"id\":\"42\",\"kind\":\"direct\"},\"user\":{\"id\":\"42\"},\"id\":\"m1\",\"text\":\"/help\"}\n";
        assertThat(replay("-", good + "{not json\n")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).startsWith("replay: line 2: not valid JSON");
            assertThat(r.out()).contains("Here is what I can do");
        });
        assertThat(replay("-", good + "{\"type\":\"message\",\"at\":\"2026-03-08T09:00:01Z\"}\n").err())
                .contains("line 2: missing field 'platform'");
        assertThat(replay("-", good + good.replace("09:00:00Z", "08:00:00Z").replace("m1", "m2")).err())
                .contains("line 2: 'at' 2026-03-08T08:00:00Z is earlier than the clock");
        assertThat(replay("-", "{\"at\":\"2026-03-08T09:00:00Z\",\"type\":\"press\",\"platform\":\"telegram\","
                + "\"user\":{\"id\":\"42\"},\"label\":\"3\"}\n").err())
                .contains("line 1: no message the bot sent this user has a button labelled '3'");
        assertThat(replay("-", "{\"type\":\"teleport\",\"at\":\"2026-03-08T09:00:00Z\"}\n").err())
                .contains("line 1: unknown type 'teleport'");
    }

    private static final String GROUP_MEETING = String.join("\n",
            "{\"at\":\"2026-03-20T12:00:00Z\",\"type\":\"message\",\"platform\":\"telegram\",\"chat\":{\"id\":\"-1001\","
                    + "\"kind\":\"group\"},\"user\":{\"id\":\"1\",\"moderator\":true},\"id\":\"m1\","
                    + "\"text\":\"/meetings zone Europe/Berlin\"}",
            "{\"at\":\"2026-03-20T12:00:10Z\",\"type\":\"message\",\"platform\":\"telegram\",\"chat\":{\"id\":\"-1001\","
                    + "\"kind\":\"group\"},\"user\":{\"id\":\"1\",\"moderator\":true},\"id\":\"m2\","
                    + "\"text\":\"/meetings add Weekend Sharing | sat,sun | 10:00 | 60\"}",
            "{\"at\":\"2026-03-20T12:00:20Z\",\"type\":\"message\",\"platform\":\"telegram\",\"chat\":{\"id\":\"-1001\","
                    + "\"kind\":\"group\"},\"user\":{\"id\":\"42\",\"name\":\"Sam\"},\"id\":\"m3\","
                    + "\"text\":\"/meeting weekend\"}",
            "");

    /** Ana (43) presses a button on the group post the bot made for Sam's command. */
    private static String anaPresses(String label, boolean namingTheChat) {
        return "{\"at\":\"2026-03-20T12:00:30Z\",\"type\":\"press\",\"platform\":\"telegram\","
                + (namingTheChat ? "\"chat\":{\"id\":\"-1001\",\"kind\":\"group\"}," : "")
                + "\"user\":{\"id\":\"43\",\"name\":\"Ana\"},\"label\":\"" + label + "\"}\n";
    }

    @Test
    void aPressNamingAChatPressesTheLatestButtonThereWhoeverThePostWasFor() {
        Run run = replay("-", GROUP_MEETING + anaPresses("I'm going (0)", true));
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().filter(l -> l.contains("\"chat\":{\"id\":\"43\",\"kind\":\"direct\"}")))
                .as("Ana's own confirmation, privately").singleElement()
                .satisfies(l -> assertThat(l).contains("See you at Weekend Sharing").contains("Going: 1"));

        Run withoutChat = replay("-", GROUP_MEETING + anaPresses("I'm going (0)", false));
        assertThat(withoutChat.exit()).as("the post was not for Ana").isEqualTo(2);
        assertThat(withoutChat.err()).contains("line 4: no message the bot sent this user has a button labelled");
    }

    @Test
    void aPressNamingAChatWithoutThatButtonStopsWithItsLineNumber() {
        Run run = replay("-", GROUP_MEETING + anaPresses("Resolve", true));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("replay: line 4: no message the bot sent in chat -1001 has a button labelled "
                + "'Resolve'\n");
        Run badChat = replay("-", GROUP_MEETING + anaPresses("I'm going (0)", true).replace("\"group\"", "\"forum\""));
        assertThat(badChat.exit()).isEqualTo(2);
        assertThat(badChat.err()).contains("line 4: chat.kind must be 'group' or 'direct'");
    }

    @Test
    void theSimulatedAudienceOfAChatIsEveryoneWhoAppearedThereUntilTheyLeave() throws IOException {
        String mods = String.join("\n",
                "{\"at\":\"2026-03-20T11:59:00Z\",\"type\":\"message\",\"platform\":\"telegram\",\"chat\":{\"id\":"
                        + "\"-2002\",\"kind\":\"group\"},\"user\":{\"id\":\"1\",\"moderator\":true},\"id\":\"m1\","
                        + "\"text\":\"hello mods\"}",
                "{\"at\":\"2026-03-20T11:59:05Z\",\"type\":\"join\",\"platform\":\"telegram\",\"chat\":{\"id\":"
                        + "\"-2002\",\"kind\":\"group\"},\"user\":{\"id\":\"2\",\"moderator\":true}}",
                "");
        ConversationId modsChat = new ConversationId(Platform.TELEGRAM, "-2002");
        ConversationId group = new ConversationId(Platform.TELEGRAM, "-1001");
        String someoneJoins = "{\"at\":\"2026-03-20T12:01:00Z\",\"type\":\"join\",\"platform\":\"telegram\","
                + "\"chat\":{\"id\":\"-2002\",\"kind\":\"group\"},\"user\":{\"id\":\"43\"}}\n";
        String andLeaves = someoneJoins.replace("\"join\"", "\"leave\"").replace("12:01:00Z", "12:02:00Z");

        assertThat(audience(mods + GROUP_MEETING, modsChat).moderatorsOnly()).isTrue();
        assertThat(audience(mods + GROUP_MEETING, group).problem()).as("Sam wrote there")
                .isEqualTo("1 member of this chat is not a moderator: use a chat where only moderators are members.");
        assertThat(audience(mods + GROUP_MEETING + anaPresses("I'm going (0)", true), group).problem())
                .as("and Ana pressed there").startsWith("2 members of this chat are not moderators");
        assertThat(audience(mods + someoneJoins, modsChat).moderatorsOnly()).isFalse();
        assertThat(audience(mods + someoneJoins + andLeaves, modsChat).moderatorsOnly()).isTrue();
    }

    /** Runs a transcript and asks its simulated Telegram who can read {@code chat}. */
    private static ChatAudience audience(String transcript, ConversationId chat) throws IOException {
        org.fellowship.core.time.ManualClock clock = ReplayRunner.newClock();
        try (RedisStore store = RedisStore.connect(RedisTestServer.uri(),
                RedisTestServer.freshKeys(), Duration.ofDays(1), clock)) {
            ReplayRunner runner = new ReplayRunner(store, clock, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), java.nio.file.Path.of("."));
            runner.run(new BufferedReader(new StringReader(transcript)));
            return runner.world().gateway(Platform.TELEGRAM).audience(chat);
        }
    }

    @Test
    void missingFileIsReportedClearly() {
        Run run = replay("no/such/transcript.jsonl", "");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("replay: no such file: no/such/transcript.jsonl\n");
    }
}
