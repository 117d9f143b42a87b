package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.fellowship.core.model.Access;
import java.util.List;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.port.CommandMenuEntry;
import org.fellowship.core.testkit.InMemoryRateLimitStore;
import org.junit.jupiter.api.Test;

class TelegramAdapterIT {

    private static List<CommandMenuEntry> commands() {
        return List.of(new CommandMenuEntry("help", "", "What I can do", Access.EVERYONE, false));
    }

    @Test
    void pollingModeWiresEverything() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (FakeBotApi api = new FakeBotApi();
             TelegramAdapter adapter = new TelegramAdapter(api.config(), new InMemoryKnownPrivateChats(),
                     new TelegramRateLimiter(new InMemoryRateLimitStore(), RateLimits.telegram(), Clock.systemUTC()),
                     ChatMigrationListener.NONE,
                     Clock.systemUTC())) {
            adapter.startPolling(sink, commands());
            api.queueUpdate(TelegramLongPollingIT.text(TelegramLongPollingIT.PRIVATE, "/help@fellowship_bot"));
            CommandInvoked help = (CommandInvoked) sink.await(1).get(0);
            assertThat(help.name()).isEqualTo("help");
            assertThat(api.calls("getme")).hasSize(1);
            assertThat(api.calls("setmycommands")).hasSize(4);
            assertThat(adapter.gateway().startLink("t")).contains("https://t.me/fellowship_bot?start=t");
        }
    }

    @Test
    void webhookModeReturnsAHandler() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (FakeBotApi api = new FakeBotApi();
             TelegramAdapter adapter = new TelegramAdapter(api.config(), new InMemoryKnownPrivateChats(),
                     SendPermits.NONE, ChatMigrationListener.NONE, Clock.systemUTC())) {
            TelegramWebhook webhook = adapter.startWebhook("secret_1", sink, commands());
            String body = "{\"update_id\":77," + TelegramLongPollingIT.text(TelegramLongPollingIT.PRIVATE, "/help")
                    .substring(1);
            assertThat(webhook.handle("wrong", body).status()).isEqualTo(403);
            assertThat(webhook.handle("secret_1", body).accepted()).isTrue();
            assertThat(webhook.handle("secret_1", body).accepted()).isTrue();
            assertThat(sink.events()).hasSize(1);
            assertThat(api.calls("getupdates")).isEmpty();

            adapter.registerWebhook("https://bot.example.org/telegram", "secret_1");
            String raw = api.calls("setwebhook").get(0).text("raw");
            assertThat(raw).contains("https://bot.example.org/telegram", "secret_1", "chat_member", "callback_query");
        }
    }
}
