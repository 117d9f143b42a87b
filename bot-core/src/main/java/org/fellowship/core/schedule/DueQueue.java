package org.fellowship.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.store.MemberDataEraser;

/**
 * The shared queue of scheduled work (check-in prompts, milestone announcements, meeting reminders, escalation
 * timers): ordered by due time, claimed atomically with a lease, completed exactly once per idempotency key. Items
 * sit on {@link DueLane lanes} claimed separately, so a lane full of due work never stands in front of another's.
 *
 * <p><b>Threading:</b> thread-safe and safe across instances sharing one store: two workers never hold a lease on
 * the same item at once. A worker that crashes loses its lease when it expires and the item is claimed again
 * (at-least-once); completion records the idempotency key so the same delivery is never completed twice.
 * Claiming costs O(log N + claimed), never a scan of all items. <b>Nullness:</b> arguments non-null, results never
 * {@code null}. <b>Failure:</b> {@link org.fellowship.core.port.StoreUnavailableException} on store outage; no
 * partial claims (a batch is claimed atomically).
 */
public interface DueQueue {

    /**
     * Adds an item unless one with the same id is pending or was completed recently.
     *
     * @return {@code true} if it was added
     */
    boolean schedule(DueItem item);

    /** Moves a pending, unleased item to a new time; {@code false} if it is not pending. */
    boolean reschedule(String id, Instant dueAt);

    /** Removes a pending item (for example after {@code /checkin off}); {@code false} if it was not pending. */
    boolean cancel(String id);

    /**
     * Claims up to {@code max} items of {@code lane} due at or before {@code now}, earliest first, including items
     * whose earlier lease expired. Each claimed item is leased until {@code now + lease}. Costs O(log N + claimed)
     * whatever the other lanes hold.
     */
    List<ClaimedItem> claim(DueLane lane, Instant now, int max, Duration lease);

    /** {@link #claim(DueLane, Instant, int, Duration)} on the {@link DueLane#DEFAULT} lane. */
    default List<ClaimedItem> claim(Instant now, int max, Duration lease) {
        return claim(DueLane.DEFAULT, now, max, lease);
    }

    /**
     * Extends the lease of an item still being worked on to {@code until}, so nobody else claims it meanwhile.
     *
     * @return {@code false} if the lease was lost (reclaimed by someone else after it expired, completed, or the item
     *         is gone): the holder should then not start it
     */
    boolean renew(ClaimedItem claimed, Instant until);

    /**
     * Finishes a claimed item: removes it and records its id as done.
     *
     * @return {@code false} if the lease was lost (expired and claimed by someone else, or already completed)
     */
    boolean complete(ClaimedItem claimed);

    /** Gives a claimed item back to run again at {@code retryAt} (for a transient failure). */
    boolean retry(ClaimedItem claimed, Instant retryAt);

    /** Whether an item with this id was completed within the done-retention window. */
    boolean isDone(String id);

    /** The earliest due time of any pending or leased item on any lane (a lease counts at its expiry), if any. */
    Optional<Instant> nextDueAt();

    /** Items pending or leased, on all lanes. */
    long size();

    /**
     * The pending or leased items about {@code member} ({@link DueItem#subject()}), in no particular order, for
     * {@code /export} (an implementation may report every item on the default lane).
     */
    List<DueItem> about(ChatUserId member);

    /**
     * Removes every item about {@code member}, pending or leased ({@code /forget}); a worker holding one of them then
     * cannot complete it. Safe to repeat.
     *
     * @return how many items were removed
     */
    int forget(ChatUserId member);

    /**
     * Export and erasure of the member's scheduled items: exported by {@code scheduled:<id>} as
     * {@code kind|dueAt|payload}.
     */
    default MemberDataEraser asEraser() {
        return MemberDataEraser.of(member -> {
            Map<String, String> out = new TreeMap<>();
            for (DueItem item : about(member)) {
                out.put("scheduled:" + item.id(), item.kind() + "|" + item.dueAt() + "|" + item.payload());
            }
            return out;
        }, this::forget);
    }
}
