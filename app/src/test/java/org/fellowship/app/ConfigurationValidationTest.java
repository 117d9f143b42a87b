package org.fellowship.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fellowship.app.config.EngineSettings;
import org.fellowship.app.config.PlatformSettings;
import org.fellowship.app.config.RedisSettings;
import org.junit.jupiter.api.Test;

/** Start-up validation gives messages a volunteer can act on. */
class ConfigurationValidationTest {

    @Test
    void blankTokenIsNamedExactly() {
        assertThatThrownBy(() -> new PlatformSettings.Telegram(" ", "long-polling", null, null, null))
                .hasMessageStartingWith("fellowship.telegram.token is set but empty");
        assertThatThrownBy(() -> new PlatformSettings.Discord("", false, 0, List.of(), List.of(), null))
                .hasMessageStartingWith("fellowship.discord.token is set but empty");
    }

    @Test
    void absentTokensDisableTheAdapters() {
        PlatformSettings none = new PlatformSettings(null, null);
        assertThat(none.telegram().enabled()).isFalse();
        assertThat(none.discord().enabled()).isFalse();
    }

    @Test
    void webhookModeNeedsAnHttpsUrlAndAStrongSecret() {
        assertThatThrownBy(() -> new PlatformSettings.Telegram("123:abc", "webhook", "http://x", "s".repeat(20), null))
                .hasMessageContaining("webhook-url must be an https:// URL");
        assertThatThrownBy(() -> new PlatformSettings.Telegram("123:abc", "webhook", "https://x", "short", null))
                .hasMessageContaining("webhook-secret must be 16-256 characters");
        assertThatThrownBy(() -> new PlatformSettings.Telegram("123:abc", "polling", null, null, null))
                .hasMessageContaining("mode must be long-polling or webhook");
    }

    @Test
    void redisUrlAndEngineSettingsAreChecked() {
        assertThatThrownBy(() -> new RedisSettings("localhost:6379", Path.of("data"), 0, Duration.ofSeconds(1)))
                .hasMessageContaining("must start with redis://");
        assertThat(new RedisSettings("", Path.of("data"), 0, Duration.ofSeconds(1)).embedded()).isTrue();
        assertThatThrownBy(() -> new RedisSettings("", Path.of("data"), 0, Duration.ZERO))
                .hasMessageContaining("fellowship.redis.health-timeout must be positive");
        assertThatThrownBy(() -> new EngineSettings("Mars/Olympus", 8, 100, Duration.ofSeconds(1),
                Duration.ofMinutes(2), 100, Duration.ofSeconds(5)))
                .hasMessageContaining("fellowship.engine.default-zone 'Mars/Olympus' is not a time zone");
    }

    @Test
    void checkinNudgeDelayIsBounded() {
        assertThat(new org.fellowship.app.config.CheckinSettings(Duration.ofHours(3)).nudgeDelay())
                .isEqualTo(Duration.ofHours(3));
        assertThatThrownBy(() -> new org.fellowship.app.config.CheckinSettings(Duration.ofMinutes(1)))
                .hasMessage("fellowship.checkins.nudge-delay must be between 15m and 12h");
        assertThatThrownBy(() -> new org.fellowship.app.config.CheckinSettings(Duration.ofHours(30)))
                .hasMessage("fellowship.checkins.nudge-delay must be between 15m and 12h");
    }
}
