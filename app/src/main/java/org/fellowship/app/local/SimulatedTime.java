package org.fellowship.app.local;

import java.time.Instant;
import java.util.Optional;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.time.ManualClock;

/** Time in the local modes: moved by hand, with scheduled work run at its own time on the way. */
final class SimulatedTime {
    private SimulatedTime() {
    }

    /**
     * Moves {@code clock} to {@code target}, stopping at each due item's time to run it (so a prompt is never
     * "late" and a reminder never arrives after the meeting started), then leaves the clock at {@code target}.
     */
    static void advanceTo(BotCore core, ManualClock clock, Instant target) {
        DueQueue queue = core.context().dueQueue();
        while (true) {
            Optional<Instant> next = queue.nextDueAt();
            if (next.isEmpty() || next.get().isAfter(target)) {
                break;
            }
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
            if (core.dueWorker().runDue() == 0) {
                break;
            }
        }
        clock.set(target);
    }
}
