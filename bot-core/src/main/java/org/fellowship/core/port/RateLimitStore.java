package org.fellowship.core.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Sliding-window send limits shared by every instance of the bot, so two instances together still respect a
 * platform's limits (Telegram: about 30 messages a second per bot, 1 a second per private chat, 20 a minute per
 * group).
 *
 * <p>A take counts in a window for the window's length. For a plain window that time starts when the slot is taken.
 * For a window made with {@link Window#untilFinished} it starts when the caller reports the request
 * {@linkplain #finish finished} (answered or failed), and until then the take counts as in flight: the platform
 * counts a request when it arrives, somewhere between the take and the answer, so only this keeps network and
 * scheduling jitter from bunching more than {@code limit} arrivals into one window.
 *
 * <p><b>Threading:</b> thread-safe and atomic across instances: a slot is taken in all given windows at once or in
 * none. <b>Nullness:</b> arguments non-null; results never {@code null}. <b>Failure:</b>
 * {@link StoreUnavailableException} on store outage (callers then fall back to sending, since a lost crisis reply
 * is worse than a rare 429).
 */
public interface RateLimitStore {

    /**
     * How long a caller is told to wait when every slot of a window is held by a request still in flight: its answer
     * may free a slot any moment.
     */
    Duration IN_FLIGHT_RETRY = Duration.ofMillis(5);

    /**
     * One limit: at most {@code limit} takes within any {@code length}.
     *
     * @param name          stable name, unique within its scope (e.g. {@code "bot"}, {@code "chat:42"})
     * @param untilFinished whether a take counts from when its request finished rather than from the take
     */
    record Window(String name, int limit, Duration length, boolean untilFinished) {
        public Window {
            Objects.requireNonNull(name, "name");
            if (limit < 1 || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a window needs a positive limit and length");
            }
        }

        /** A window counted from the take. */
        public Window(String name, int limit, Duration length) {
            this(name, limit, length, false);
        }

        /** A window in which a take counts while its request is in flight and for {@code length} after it finished. */
        public static Window untilFinished(String name, int limit, Duration length) {
            return new Window(name, limit, length, true);
        }
    }

    /**
     * The answer to {@link #take}: granted (with the id to {@link #finish} it by) or a wait.
     *
     * @param id   the take's id when granted, otherwise empty
     * @param retryAfter {@link Duration#ZERO} when granted; otherwise how long until a slot may free up (ask again then)
     */
    record Take(String id, Duration retryAfter) {
        public Take {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public static Take granted(String id) {
            return new Take(id, Duration.ZERO);
        }

        public static Take refused(Duration wait) {
            return new Take("", wait);
        }

        public boolean isGranted() {
            return retryAfter.isZero();
        }
    }

    /**
     * Takes one slot in every window, or none. In {@linkplain Window#untilFinished until-finished} windows the slot
     * stays held until {@link #finish}, or at most {@code maxFlight} (a caller that crashed mid-request) plus the
     * window's length.
     *
     * @param scope     whose limits these are (e.g. {@code "tg"} for the Telegram bot)
     * @param windows   the windows the send counts against
     * @param now       the caller's clock
     * @param maxFlight the longest the request can be in flight
     */
    Take take(String scope, List<Window> windows, Instant now, Duration maxFlight);

    /**
     * The request of a granted take finished at {@code now}: in its until-finished windows it counts for their length
     * from now. Unknown or expired ids are ignored.
     */
    void finish(String scope, List<Window> windows, String takeId, Instant now);

    /**
     * Takes one slot in every window, or none, counted from now in every window (a request that finished at once).
     *
     * @return {@link Duration#ZERO} when taken; otherwise how long until a slot may free up (ask again then)
     */
    default Duration tryTake(String scope, List<Window> windows, Instant now) {
        return take(scope, windows, now, Duration.ZERO).retryAfter();
    }

    /** Holds every sender of {@code scope} for {@code wait} (the platform answered "too many requests"). */
    void pause(String scope, Duration wait, Instant now);
}
