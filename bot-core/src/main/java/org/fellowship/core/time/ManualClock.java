package org.fellowship.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves only when told: the replay mode's simulated time and the test kit's mutable clock.
 * Thread-safe; it never moves backwards.
 */
public class ManualClock extends Clock {
    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to {@code instant}; moving it backwards is refused. */
    public synchronized void set(Instant instant) {
        if (instant.isBefore(now)) {
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
