package org.fellowship.core.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.port.StoreUnavailableException;

/**
 * When a member's next prompt or reminder is due, and the due-queue "waves" that dispatch them: one due-queue item
 * per minute that has anything due ({@code ci:w:<epoch minute>}, claimed with a lease like any due item), which
 * dispatches every member whose indexed event is due. Members themselves are not due-queue items: one index entry
 * each keeps Redis memory per member small, and a wave costs O(log N + due).
 * Thread-safe (stateless apart from its collaborators).
 */
final class CheckinSchedule {
    static final String WAVE = "checkin.wave";
    static final int MAX_ATTEMPTS = 8;

    private final CheckinStore store;
    private final DueQueue queue;
    private final Duration nudgeDelay;

    CheckinSchedule(CheckinStore store, DueQueue queue, Duration nudgeDelay) {
        this.store = store;
        this.queue = queue;
        this.nudgeDelay = nudgeDelay;
    }

    Duration nudgeDelay() {
        return nudgeDelay;
    }

    /** The member's next prompt or pending reminder, whichever is first; {@code null} when prompts are off. */
    Instant nextEvent(CheckinRecord r) {
        if (!r.enabled() || r.nextDay() == null) {
            return null;
        }
        Instant prompt = PromptTimes.promptAt(r.nextDay(), r.time(), r.zone());
        if (r.nudgeDay() != null && r.nudges()) {
            Instant nudge = PromptTimes.promptAt(r.nudgeDay(), r.time(), r.zone()).plus(nudgeDelay);
            if (nudge.isBefore(prompt)) {
                return nudge;
            }
        }
        return prompt;
    }

    /**
     * Reads, changes and writes one member's record (compare-and-set, re-reading on a conflict), indexes its next
     * event and makes sure a wave will run for it.
     *
     * @param change gets the current record (or the {@code fresh} one) and returns the new one
     * @return the stored record
     */
    CheckinRecord update(ChatUserId member, CheckinRecord fresh, UnaryOperator<CheckinRecord> change, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<CheckinRecord> stored = store.find(member);
            CheckinRecord before = stored.orElse(fresh);
            CheckinRecord after = change.apply(before);
            Instant next = nextEvent(after);
            if (store.replace(stored.orElse(null), after, next)) {
                ensureWave(next, now);
                return after;
            }
        }
        throw new StoreUnavailableException("check-in record kept changing; gave up", null);
    }

    /** Schedules the wave that will dispatch an event due at {@code at} (nothing for {@code null}). */
    void ensureWave(Instant at, Instant now) {
        if (at == null) {
            return;
        }
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        if (minute.isBefore(at)) {
            minute = minute.plus(1, ChronoUnit.MINUTES);
        }
        Instant earliest = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        if (!minute.isAfter(now)) {
            // Already due: the wave of this minute may have run; the next minute's wave picks it up.
            minute = earliest;
        }
        queue.schedule(new DueItem(waveId(minute), WAVE, minute, ""));
    }

    static String waveId(Instant minute) {
        return "ci:w:" + minute.getEpochSecond() / 60;
    }
}
