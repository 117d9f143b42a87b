package org.fellowship.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of scheduled work.
 *
 * @param id      the idempotency key: unique for the delivery it stands for, for example
 *                {@code checkin:tg:42:2026-03-08}. Scheduling an id again while it is pending, or after it was
 *                completed (within the done-retention window), changes nothing.
 * @param kind    which {@link DueHandler} runs it
 * @param dueAt   when it should run
 * @param payload handler-specific text (usually small JSON), at most 16 KiB
 * @param lane    the lane it is queued on; features leave it to the engine, which puts an item on the lane its
 *                kind's handler declares
 */
public record DueItem(String id, String kind, Instant dueAt, String payload, DueLane lane) {
    public static final int MAX_PAYLOAD = 16 * 1024;

    public DueItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
        payload = payload == null ? "" : payload;
        lane = lane == null ? DueLane.DEFAULT : lane;
        if (id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("due item id must be 1-200 characters");
        }
        if (kind.isBlank() || kind.contains("|")) {
            throw new IllegalArgumentException("due item kind must be non-blank and free of '|'");
        }
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("due item payload is larger than 16 KiB");
        }
    }

    /** An item on the default lane (the engine moves it to its handler's lane when a feature schedules it). */
    public DueItem(String id, String kind, Instant dueAt, String payload) {
        this(id, kind, dueAt, payload, DueLane.DEFAULT);
    }

    /** The same item on another lane. */
    public DueItem on(DueLane other) {
        return other == lane ? this : new DueItem(id, kind, dueAt, payload, other);
    }

    /** The same item due at another time. */
    public DueItem at(Instant when) {
        return new DueItem(id, kind, when, payload, lane);
    }
}
