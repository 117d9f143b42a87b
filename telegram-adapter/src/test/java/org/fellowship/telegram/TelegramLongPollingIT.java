package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.testkit.Eventually;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** End to end: the real TelegramBots long-polling client against the loopback fake Bot API. */
class TelegramLongPollingIT {
    static final String ALICE = "{\"id\":42,\"is_bot\":false,\"first_name\":\"Alice\"}";
    static final String PRIVATE = "{\"id\":42,\"type\":\"private\",\"first_name\":\"Alice\"}";
    static final String SUPER = "{\"id\":-100777,\"type\":\"supergroup\",\"title\":\"Circle\"}";

    static String text(String chat, String text) {
        return "{\"message\":{\"message_id\":10,\"date\":1700000000,\"chat\":" + chat + ",\"from\":" + ALICE
                + ",\"text\":" + FakeBotApi.JSON.valueToTree(text) + "}}";
    }

    @Test
    void roundTripStartHelpButtonAndDeepLinkFallback() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (FakeBotApi api = new FakeBotApi()) {
            KnownPrivateChats known = new InMemoryKnownPrivateChats();
            TelegramGateway gateway = new TelegramGateway(api.config(), known, SendPermits.NONE,
                    MutableClock.at("2026-01-01T00:00:00Z"));
            gateway.refreshIdentity();
            api.setAdmins(7);
            TelegramUpdateMapper mapper = new TelegramUpdateMapper(gateway.identity().orElseThrow().username(),
                    gateway, java.time.Clock.systemUTC());
            TelegramUpdateDispatcher dispatcher = new TelegramUpdateDispatcher(mapper, sink, known,
                    ChatMigrationListener.NONE, gateway::invalidateModerators);
            try (TelegramLongPolling polling = new TelegramLongPolling(api.config(), dispatcher)) {
                // Before Alice ever wrote in private, the bot may not DM her.
                ChatUserId alice = new ChatUserId(Platform.TELEGRAM, "42");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.openDirect(alice))
                        .extracting(e -> ((GatewayException) e).reason())
                        .isEqualTo(GatewayException.Reason.DIRECT_MESSAGES_CLOSED);

                polling.start();
                assertThat(polling.isRunning()).isTrue();
                int first = api.queueUpdate(text(PRIVATE, "/start tok123"));
                api.queueUpdate(text(SUPER, "/help@fellowship_bot"));
                api.queueUpdate(text(SUPER, "/help@someone_else_bot"));
                api.queueUpdate(text(SUPER, "I'm having a hard day"));

                List<InboundEvent> events = sink.await(3);
                CommandInvoked start = (CommandInvoked) events.get(0);
                assertThat(start.eventId()).isEqualTo("u" + first);
                assertThat(start.name()).isEqualTo("start");
                assertThat(start.arguments()).isEqualTo("tok123");
                assertThat(start.conversation().kind()).isEqualTo(ChatKind.DIRECT);
                CommandInvoked help = (CommandInvoked) events.get(1);
                assertThat(help.name()).isEqualTo("help");
                assertThat(help.conversation().community().value()).isEqualTo("-100777");
                assertThat(events.get(2)).isInstanceOf(MessageReceived.class);

                // Having written in private, Alice can now be DMed.
                assertThat(gateway.openDirect(alice)).isEqualTo(new ConversationId(Platform.TELEGRAM, "42"));

                // Reply with a button, press it, acknowledge.
                gateway.send(OutboundMessage.text(start.conversation().id(), "Welcome <friend>")
                        .withButtons(List.of(ButtonRow.of(new Button("Check in", "btn-1")))));
                FakeBotApi.Call sent = api.await("sendmessage", 1).get(0);
                assertThat(sent.text("parse_mode")).isEqualTo("HTML");
                assertThat(sent.text("text")).isEqualTo("Welcome &lt;friend&gt;");
                assertThat(sent.text("chat_id")).isEqualTo("42");
                api.queueUpdate("{\"callback_query\":{\"id\":\"cbq-9\",\"from\":" + ALICE
                        + ",\"chat_instance\":\"x\",\"data\":\"btn-1\",\"message\":{\"message_id\":1001,"
                        + "\"date\":1700000000,\"chat\":" + PRIVATE + ",\"text\":\"Welcome\"}}}");
                ButtonPressed press = (ButtonPressed) sink.await(4).get(3);
                assertThat(press.token()).isEqualTo("btn-1");
                gateway.acknowledge(press, null);
                assertThat(api.await("answercallbackquery", 1).get(0)
                        .text("callback_query_id")).isEqualTo("cbq-9");

                // getUpdates asked for exactly the update types we map, with a timeout.
                FakeBotApi.Call poll = api.calls("getupdates").get(0);
                assertThat(FakeBotApi.strings(poll.body().get("allowed_updates")))
                        .containsExactlyElementsOf(TelegramLongPolling.ALLOWED_UPDATES);
                assertThat(poll.body().get("timeout").asInt()).isEqualTo(1);
            } finally {
                gateway.close();
            }
        }
        // close() stops the adapter's threads; wait (bounded) for them to finish.
        Eventually.until("the telegram- threads to end", () -> Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).noneMatch(n -> n.startsWith("telegram-")));
    }

    @Test
    void migrationIsReportedToTheListener() throws Exception {
        RecordingSink sink = new RecordingSink();
        List<ChatMigration> migrations = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FakeBotApi api = new FakeBotApi()) {
            KnownPrivateChats known = new InMemoryKnownPrivateChats();
            TelegramUpdateDispatcher dispatcher = new TelegramUpdateDispatcher(
                    new TelegramUpdateMapper("fellowship_bot", ModeratorLookup.NONE, java.time.Clock.systemUTC()), sink, known, migrations::add,
                    id -> { });
            try (TelegramLongPolling polling = new TelegramLongPolling(api.config(), dispatcher)) {
                polling.start();
                api.queueUpdate("{\"message\":{\"message_id\":3,\"date\":1700000000,\"chat\":{\"id\":-555,"
                        + "\"type\":\"group\",\"title\":\"g\"},\"from\":" + ALICE + ",\"migrate_to_chat_id\":-100999}}");
                Eventually.until("the migration to be reported", () -> !migrations.isEmpty());
            }
        }
        assertThat(migrations).containsExactly(new ChatMigration(TelegramIds.community(-555),
                TelegramIds.community(-100999)));
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void failedPollsInARowAreCountedSoHealthCanSaySoAndASuccessClearsThem() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (FakeBotApi api = new FakeBotApi()) {
            for (int i = 0; i < 3; i++) {
                api.failNext("getUpdates", 502, "Bad Gateway", null);
            }
            TelegramUpdateDispatcher dispatcher = new TelegramUpdateDispatcher(
                    new TelegramUpdateMapper("fellowship_bot", ModeratorLookup.NONE, java.time.Clock.systemUTC()), sink,
                    new InMemoryKnownPrivateChats(), m -> { }, id -> { });
            try (TelegramLongPolling polling = new TelegramLongPolling(api.config(), dispatcher)) {
                assertThat(polling.failedPollsInARow()).isZero();
                polling.start();
                Eventually.until("three failed polls to be counted", () -> polling.failedPollsInARow() >= 3);
                api.queueUpdate(text(PRIVATE, "hello again"));
                Eventually.until("the update after the failures", () -> !sink.events().isEmpty());
                assertThat(polling.failedPollsInARow()).as("a poll that works clears the count").isZero();
            }
        }
    }

    /** A TelegramBots pitfall: after close() the JVM must be able to exit. Proven in a child JVM. */
    @Test
    void jvmExitsAfterClose() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.queueUpdate(text(PRIVATE, "hello"));
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PollingMain.class.getName(), api.url().toString())
                    .redirectErrorStream(true).start();
            boolean exited = p.waitFor(Eventually.PATIENCE.multipliedBy(4).toSeconds(), TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!exited) {
                p.destroyForcibly();
            }
            assertThat(exited).as("child JVM exited; output:\n" + output).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("RECEIVED u");
        }
    }
}
