package org.fellowship.core.mentor;

import java.time.Clock;
import java.time.Instant;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueLane;

/**
 * A timer about one alert, on the crisis lane. Its payload carries only the alert id and numbers ({@code |} between
 * them), and the alert is read from the store when the timer is due, so timers survive a restart; a timer whose alert
 * is resolved or gone does nothing.
 */
abstract class AlertTimer implements DueHandler {
    private final MentorStore store;
    private final Clock clock;

    AlertTimer(MentorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public final DueLane lane() {
        return DueLane.CRISIS;
    }

    @Override
    public final void run(DueItem item) {
        String[] parts = item.payload().split("\\|");
        MentorAlert alert = store.alert(parts[0]).orElse(null);
        if (alert == null || !alert.open()) {
            return;
        }
        due(item, alert, parts, clock.instant());
    }

    /**
     * The timer is due for an alert that is still open.
     *
     * @param payload the payload's parts: the alert id first, then the timer's numbers
     */
    abstract void due(DueItem item, MentorAlert alert, String[] payload, Instant now);
}
