package org.fellowship.telegram;

import java.time.Duration;

/**
 * Telegram's outbound limits as {@link TelegramRateLimiter} applies them.
 *
 * <p>Immutable and thread-safe. No component is {@code null}; the constructor rejects non-positive limits
 * with {@link IllegalArgumentException}.
 *
 * @param botMessages     messages per {@code botWindow} for the whole bot, spaced evenly (Telegram: about 30 per second)
 * @param botWindow       window of {@code botMessages}
 * @param privateInterval minimum spacing of messages to one private chat (Telegram: about 1 per second)
 * @param groupMessages   messages per {@code groupWindow} in one group (Telegram: 20 per minute)
 * @param groupWindow     window of {@code groupMessages}
 * @param maxWait         longest a sender waits for a permit before failing with {@code RATE_LIMITED}
 */
public record RateLimits(int botMessages, Duration botWindow, Duration privateInterval, int groupMessages,
                         Duration groupWindow, Duration maxWait) {
    public RateLimits {
        if (botMessages < 1 || groupMessages < 1) {
            throw new IllegalArgumentException("limits must allow at least one message");
        }
        if (botWindow.isNegative() || botWindow.isZero() || groupWindow.isNegative() || groupWindow.isZero()
                || privateInterval.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("windows must be positive");
        }
    }

    /**
     * Telegram's documented limits, waiting at most two minutes for a permit. The bot-wide rate is 29 a second, one
     * below Telegram's 30, to absorb network jitter (96.7 % of the limit).
     */
    public static RateLimits telegram() {
        return new RateLimits(29, Duration.ofSeconds(1), Duration.ofSeconds(1), 20, Duration.ofMinutes(1),
                Duration.ofMinutes(2));
    }
}
