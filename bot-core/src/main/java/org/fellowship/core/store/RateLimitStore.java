package org.fellowship.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Sliding-window send limits shared by every instance of the bot, so two instances together still respect a
 * platform's limits (Telegram: about 30 messages a second per bot, 1 a second per private chat, 20 a minute per
 * group).
 *
 * <p><b>Threading:</b> thread-safe and atomic across instances: a slot is taken in all given windows at once or in
 * none. <b>Nullness:</b> arguments non-null; results never {@code null}. <b>Failure:</b>
 * {@link StoreUnavailableException} on store outage (callers then fall back to sending, since a lost crisis reply
 * is worse than a rare 429).
 */
public interface RateLimitStore {

    /**
     * One limit: at most {@code limit} takes within any {@code length}.
     *
     * @param name stable name, unique within its scope (e.g. {@code "bot"}, {@code "chat:42"})
     */
    record Window(String name, int limit, Duration length) {
        public Window {
            Objects.requireNonNull(name, "name");
            if (limit < 1 || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a window needs a positive limit and length");
            }
        }
    }

    /**
     * Takes one slot in every window, or none.
     *
     * @param scope   whose limits these are (e.g. {@code "tg"} for the Telegram bot)
     * @param windows the windows the send counts against
     * @param now     the caller's clock
     * @return {@link Duration#ZERO} when taken; otherwise how long until a slot may free up (ask again then)
     */
    Duration tryTake(String scope, List<Window> windows, Instant now);

    /** Holds every sender of {@code scope} for {@code wait} (the platform answered "too many requests"). */
    void pause(String scope, Duration wait, Instant now);
}
