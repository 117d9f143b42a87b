package org.fellowship.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves only when told: the replay mode's simulated time and the test kit's mutable clock.
 * Thread-safe; the simulated clock never moves backwards.
 */
public class ManualClock extends Clock {
    private final boolean forwardOnly;
    private volatile Instant now;

    /** A clock that refuses to go backwards (simulated time). */
    public ManualClock(Instant start) {
        this(start, true);
    }

    /** @param forwardOnly whether {@link #set} refuses earlier instants (tests may set any time) */
    protected ManualClock(Instant start, boolean forwardOnly) {
        this.now = start;
        this.forwardOnly = forwardOnly;
    }

    /** Moves the clock to {@code instant}; moving it backwards is refused unless this clock allows it. */
    public synchronized void set(Instant instant) {
        if (forwardOnly && instant.isBefore(now)) {
            throw new IllegalArgumentException("the clock cannot go back from " + now + " to " + instant);
        }
        now = instant;
    }

    public synchronized void advance(Duration duration) {
        set(now.plus(duration));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A fixed snapshot in another zone (the manual clock itself is always UTC). */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
