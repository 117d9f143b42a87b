package org.fellowship.core.testkit;

import java.time.Instant;
import org.fellowship.core.time.ManualClock;

/** The clock tests move by hand, to any instant (see {@link ManualClock}). */
public final class MutableClock extends ManualClock {

    public MutableClock(Instant start) {
        super(start, false);
    }

    public static MutableClock at(String isoInstant) {
        return new MutableClock(Instant.parse(isoInstant));
    }
}
