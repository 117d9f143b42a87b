package org.fellowship.telegram;

import java.time.Duration;

/**
 * Telegram's outbound limits as {@link TelegramRateLimiter} applies them. Every limit counts a message from its permit
 * until the window's length after its request finished (see {@link SendPermits}).
 *
 * <p>Immutable and thread-safe. No component is {@code null}; the constructor rejects non-positive limits
 * with {@link IllegalArgumentException}.
 *
 * @param botMessages     messages per {@code botWindow} for the whole bot, paced evenly (Telegram: about 30 per second)
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
     * Telegram's documented limits (30 a second per bot, 1 a second per private chat, 20 a minute per group), waiting
     * at most two minutes for a permit. No rate below the limit is needed as a jitter margin: a message counts from its
     * permit until a full window after Telegram's answer, so the margin is each request's own round trip.
     */
    public static RateLimits telegram() {
        return new RateLimits(30, Duration.ofSeconds(1), Duration.ofSeconds(1), 20, Duration.ofMinutes(1),
                Duration.ofMinutes(2));
    }
}
