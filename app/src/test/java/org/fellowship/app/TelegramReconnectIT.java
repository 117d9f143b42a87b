package org.fellowship.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fellowship.app.config.TelegramAdapterLifecycle;
import org.fellowship.core.testkit.Eventually;
import org.fellowship.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Telegram unreachable at start-up (slow DNS at boot, Telegram down): the app starts anyway with Telegram DOWN, tries
 * again by itself and connects once Telegram answers, without a restart.
 */
class TelegramReconnectIT {
    @TempDir
    Path dataDir;

    @Test
    void aFailedStartIsRetriedUntilTelegramAnswers() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            api.failNext("getMe", 502, "Bad Gateway", null);
            api.failNext("getMe", 502, "Bad Gateway", null);
            ConfigurableApplicationContext app = new SpringApplicationBuilder(FellowshipApplication.class).run(
                    "--server.port=0",
                    "--management.server.port=0",
                    "--fellowship.redis.url=",
                    "--fellowship.redis.data-dir=" + dataDir,
                    "--fellowship.telegram.token=" + FakeBotApi.TOKEN,
                    "--fellowship.telegram.api-url=" + api.url(),
                    "--fellowship.telegram.reconnect-after=50ms");
            try {
                TelegramAdapterLifecycle telegram = app.getBean("telegram", TelegramAdapterLifecycle.class);
                Eventually.until("Telegram connected after two failed starts",
                        () -> telegram.health().getStatus().equals(Status.UP));
                assertThat(api.calls("getme")).as("two failed attempts, then the one that worked").hasSize(3);
                assertThat(api.calls("getupdates")).as("it receives").isNotEmpty();
            } finally {
                app.close();
            }
        }
    }
}
