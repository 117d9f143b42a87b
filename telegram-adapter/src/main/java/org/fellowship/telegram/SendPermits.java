package org.fellowship.telegram;

import java.time.Duration;
import org.fellowship.core.outbound.Priority;

/**
 * Outbound rate limiting for the Telegram gateway: Telegram allows about 30 messages a second per bot, one a second
 * per private chat and 20 a minute per group. {@link TelegramGateway} asks for a permit before every send and edit
 * attempt (a retry after a 429 asks again) and closes it when Telegram answered or the request failed.
 *
 * <p>Telegram counts a message when it arrives, which is somewhere between the permit and the answer. So a permit
 * counts against the limits while its request is in flight and for the whole window after it {@linkplain Permit#close
 * finished}: however the network or the scheduler bunch requests on the way, no more than the limit can arrive in
 * any window.
 *
 * <p><b>Threading:</b> thread-safe; {@link #acquire} blocks the calling thread until the message may go (urgent
 * messages first). <b>Nullness:</b> no argument is {@code null}. <b>Failure:</b> may throw
 * {@link org.fellowship.core.port.GatewayException} {@code RATE_LIMITED} when a permit cannot be had in time.
 */
public interface SendPermits {

    /** Leave to send one request; close it once the request finished (answered or failed). Closing twice is harmless. */
    @FunctionalInterface
    interface Permit extends AutoCloseable {
        /** A permit that tracks nothing. */
        Permit NONE = () -> { };

        @Override
        void close();
    }

    /** No limiting (tests, or an upstream limiter). */
    SendPermits NONE = new SendPermits() {
        @Override
        public Permit acquire(String chatId, boolean privateChat, Priority priority) {
            return Permit.NONE;
        }

        @Override
        public void backOff(Duration wait) {
        }
    };

    /** Blocks until one message may be sent to {@code chatId}. */
    Permit acquire(String chatId, boolean privateChat, Priority priority);

    /** Telegram answered 429: hold every sender for {@code wait}. */
    void backOff(Duration wait);
}
