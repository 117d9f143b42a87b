package org.fellowship.telegram;

import java.time.Duration;
import org.fellowship.core.outbound.Priority;

/**
 * Outbound rate limiting for the Telegram gateway: Telegram allows about 30 messages a second per bot, one a second
 * per private chat and 20 a minute per group. {@link TelegramGateway} asks for a permit before every send and edit.
 *
 * <p><b>Threading:</b> thread-safe; {@link #acquire} blocks the calling thread until the message may go (urgent
 * messages first). <b>Nullness:</b> no argument is {@code null}. <b>Failure:</b> may throw
 * {@link org.fellowship.core.port.GatewayException} {@code RATE_LIMITED} when a permit cannot be had in time.
 */
public interface SendPermits {

    /** No limiting (tests, or an upstream limiter). */
    SendPermits NONE = new SendPermits() {
        @Override
        public void acquire(String chatId, boolean privateChat, Priority priority) {
        }

        @Override
        public void backOff(Duration wait) {
        }
    };

    /** Blocks until one message may be sent to {@code chatId}. */
    void acquire(String chatId, boolean privateChat, Priority priority);

    /** Telegram answered 429: hold every sender for {@code wait}. */
    void backOff(Duration wait);
}
