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
 *
 * @param <S> the timer's payload
 */
abstract class AlertTimer<S extends AlertTimer.Payload> implements DueHandler<S> {
    private final MentorStore store;
    private final Clock clock;

    /** What every alert timer's payload names first: the alert. */
    interface Payload {
        String alertId();
    }

    AlertTimer(MentorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public final DueLane lane() {
        return DueLane.CRISIS;
    }

    @Override
    public final void run(DueItem item, S step) {
        MentorAlert alert = store.alert(step.alertId()).orElse(null);
        if (alert == null || !alert.open()) {
            return;
        }
        due(item, alert, step, clock.instant());
    }

    /** The timer is due for an alert that is still open. */
    abstract void due(DueItem item, MentorAlert alert, S step, Instant now);
}
