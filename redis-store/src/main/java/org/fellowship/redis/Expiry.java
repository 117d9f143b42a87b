package org.fellowship.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How everything in this module expires: on the store's {@link Clock}, never on the Redis server's.
 *
 * <p>A value with a lifetime is stored as {@code <deadline epoch millis>|<value>}, the deadline computed from the
 * injected clock; readers compare it with the same clock, so a value is gone exactly when the clock passes its
 * deadline (the in-memory fakes' rule: alive while {@code now < deadline}). The Redis TTL set with it is only a
 * backstop that frees memory: the lifetime plus {@link #GRACE}, so Redis never removes a value before the clock
 * would (unless the clock runs more than {@link #GRACE} slower than real time, as a test's frozen clock may) and a
 * value written before this layout (no deadline prefix) simply lives until its own TTL.
 *
 * <p>Tests move a {@code MutableClock} instead of sleeping; replays run on their simulated clock. Thread-safe.
 */
final class Expiry {
    /** Added to every lifetime for Redis's own TTL (memory clean-up only). */
    static final Duration GRACE = Duration.ofMinutes(1);

    /**
     * Lua: {@code alive(value, now)} is {@code false} when {@code value} carries a deadline at or before {@code now}
     * (a value without one is alive: only its TTL ends it). Prepend to a script body.
     */
    static final String LUA_ALIVE = """
            local function alive(value, now)
              local deadline = tonumber(string.match(value, '^(%d+)|'))
              return deadline == nil or deadline > now
            end
            """;

    private final Clock clock;

    Expiry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The clock's now, in epoch millis. */
    long now() {
        return clock.millis();
    }

    /** When something living {@code ttl} from now expires (at least 1 ms from now). */
    long deadline(Duration ttl) {
        return now() + Math.max(1, ttl.toMillis());
    }

    /** Redis's backstop TTL in millis for a lifetime of {@code ttl}: the lifetime plus {@link #GRACE}. */
    static long backstopMillis(Duration ttl) {
        return Math.max(1, ttl.toMillis()) + GRACE.toMillis();
    }

    /** Redis's backstop TTL in millis for a lifetime of {@code millis}. */
    static long backstopMillis(long millis) {
        return Math.max(1, millis) + GRACE.toMillis();
    }

    /** {@code value} with a deadline {@code ttl} from now. */
    String wrap(String value, Duration ttl) {
        return wrap(deadline(ttl), value);
    }

    static String wrap(long deadline, String value) {
        return deadline + "|" + value;
    }

    /** The value inside {@code stored}, or {@code null} when {@code stored} is null or its deadline has passed. */
    String unwrap(String stored) {
        if (stored == null) {
            return null;
        }
        int bar = deadlineEnd(stored);
        if (bar < 0) {
            return stored; // no deadline: written before deadlines were stored, or never expires
        }
        return Long.parseLong(stored, 0, bar, 10) > now() ? stored.substring(bar + 1) : null;
    }

    /** Whether a deadline (epoch millis) has passed. */
    boolean passed(long deadline) {
        return deadline <= now();
    }

    /** The index of the {@code |} after a leading deadline, or -1 when {@code stored} has none. */
    private static int deadlineEnd(String stored) {
        int i = 0;
        while (i < stored.length() && i < 19 && stored.charAt(i) >= '0' && stored.charAt(i) <= '9') {
            i++;
        }
        return i > 0 && i < stored.length() && stored.charAt(i) == '|' ? i : -1;
    }
}
