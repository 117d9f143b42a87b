package org.fellowship.app.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Daily check-ins.
 *
 * @param nudgeDelay how long after an unanswered prompt its one reminder comes (15 minutes to 12 hours, so it always
 *                   comes before the next day's prompt); members turn reminders off with {@code /checkin nudges off}
 */
@ConfigurationProperties("fellowship.checkins")
public record CheckinSettings(@DefaultValue("3h") Duration nudgeDelay) {
    public CheckinSettings {
        if (nudgeDelay.compareTo(Duration.ofMinutes(15)) < 0 || nudgeDelay.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("fellowship.checkins.nudge-delay must be between 15m and 12h");
        }
    }
}
