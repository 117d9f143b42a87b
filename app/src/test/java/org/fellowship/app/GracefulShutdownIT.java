package org.fellowship.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.fellowship.core.testkit.Eventually;
import org.fellowship.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shutdown with hundreds of DMs queued (issue 16): the app long-polls the loopback fake Bot API with the embedded
 * Redis, takes every update (so Telegram counts them as delivered and will never send them again), and is closed
 * while most replies still wait for the engine and Telegram's send limit. Every member must still get the reply.
 */
class GracefulShutdownIT {
    private static final int DMS = 200;

    @TempDir
    Path dataDir;

    @Test
    void closingTheAppDeliversEveryQueuedReply() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            int last = 0;
            for (int i = 0; i < DMS; i++) {
                long user = 5_000_000L + i;
                last = api.queueUpdate("""
                        {"message": {"message_id": %d, "date": 1772960400,
                         "chat": {"id": %d, "type": "private", "first_name": "M"},
                         "from": {"id": %d, "is_bot": false, "first_name": "M"},
                         "text": "/timezone <Berlin>", "entities": [{"type": "bot_command", "offset": 0, "length": 9}]}}
                        """.formatted(i + 1, user, user));
            }
            // command-line arguments: they override application.yml (default properties would not)
            ConfigurableApplicationContext app = new SpringApplicationBuilder(FellowshipApplication.class).run(
                    "--server.port=0",
                    "--management.server.port=0",
                    "--fellowship.redis.url=",
                    "--fellowship.redis.data-dir=" + dataDir,
                    "--fellowship.redis.health-timeout=1m",
                    // few workers: the queue stays long, as on a busy instance
                    "--fellowship.engine.threads=2",
                    "--fellowship.engine.drain-timeout=2m",
                    "--spring.lifecycle.timeout-per-shutdown-phase=2m",
                    "--fellowship.telegram.token=" + FakeBotApi.TOKEN,
                    "--fellowship.telegram.api-url=" + api.url());
            int confirmed = last + 1;
            try {
                // Telegram forgets updates once a poll asks for a later offset: from then on they live only in the app.
                Eventually.until("every update confirmed to Telegram", () -> api.calls("getupdates").stream()
                        .anyMatch(c -> c.body().path("offset").asLong() >= confirmed));
                assertThat(replied(api)).as("replies sent before shutdown").hasSizeLessThan(DMS);
            } finally {
                app.close();
            }
            assertThat(replied(api)).as("members who got their reply").hasSize(DMS);
        }
    }

    private static Set<String> replied(FakeBotApi api) {
        return api.calls("sendmessage").stream().map(c -> c.text("chat_id")).collect(Collectors.toSet());
    }
}
