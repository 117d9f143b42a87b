package org.fellowship.core.schedule;

import java.time.Instant;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;

/**
 * One piece of scheduled work.
 *
 * @param id      the idempotency key: unique for the delivery it stands for, for example
 *                {@code checkin:tg:42:2026-03-08}. Scheduling an id again while it is pending, or after it was
 *                completed (within the done-retention window), changes nothing.
 * @param kind    which {@link DueHandler} runs it (its {@link DueKind#name()})
 * @param dueAt   when it should run
 * @param payload the kind's payload as its {@link PayloadCodec} wrote it, at most 16 KiB
 * @param lane    the lane it is queued on; features leave it to the engine, which puts an item on the lane its
 *                kind's handler declares
 * @param subject the member the item is about (its id or payload names them: a reminder, a celebration, a
 *                follow-up), or {@code null}: the queue indexes such items under the member, so {@code /forget}
 *                removes them ({@link DueQueue#forget})
 */
public record DueItem(String id, String kind, Instant dueAt, String payload, DueLane lane, ChatUserId subject) {
    public static final int MAX_PAYLOAD = 16 * 1024;
    /** The kind of {@link #unreadable} items; no {@link DueKind} may take it. */
    public static final String UNREADABLE_KIND = "unreadable-record";

    public DueItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
        payload = payload == null ? "" : payload;
        lane = lane == null ? DueLane.DEFAULT : lane;
        if (id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("due item id must be 1-200 characters");
        }
        checkKind(kind);
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("due item payload is larger than 16 KiB");
        }
    }

    /**
     * What a queue returns for an id whose stored record it can no longer read: claimed like any item, so the worker
     * can dead-letter it instead of leaving it to be claimed again after every lease.
     */
    public static DueItem unreadable(String id, DueLane lane, Instant dueAt) {
        return new DueItem(id, UNREADABLE_KIND, dueAt, "", lane, null);
    }

    /** Whether this item stands for a record its queue could not read ({@link #unreadable}). */
    public boolean isUnreadable() {
        return kind.equals(UNREADABLE_KIND);
    }

    /** An item about nobody in particular on {@code lane}. */
    public DueItem(String id, String kind, Instant dueAt, String payload, DueLane lane) {
        this(id, kind, dueAt, payload, lane, null);
    }

    /** An item on the default lane (the engine moves it to its handler's lane when a feature schedules it). */
    public DueItem(String id, String kind, Instant dueAt, String payload) {
        this(id, kind, dueAt, payload, DueLane.DEFAULT, null);
    }

    /** The same item on another lane. */
    public DueItem on(DueLane other) {
        return other == lane ? this : new DueItem(id, kind, dueAt, payload, other, subject);
    }

    /** The same item due at another time. */
    public DueItem at(Instant when) {
        return new DueItem(id, kind, when, payload, lane, subject);
    }

    /** The same item, about {@code member} (see {@link #subject()}). */
    public DueItem about(ChatUserId member) {
        return new DueItem(id, kind, dueAt, payload, lane, Objects.requireNonNull(member, "member"));
    }

    static void checkKind(String kind) {
        if (kind.isBlank() || kind.contains("|")) {
            throw new IllegalArgumentException("due item kind must be non-blank and free of '|'");
        }
    }
}
