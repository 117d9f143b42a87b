package org.fellowship.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.schedule.ClaimedItem;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueQueue;

/**
 * The due-queue as features see it: an item they schedule goes on the lane its kind's handler declares, so the lane
 * is said in one place (the handler) and a feature cannot put a crisis timer behind a check-in wave by mistake.
 * Kinds without a handler keep the item's own lane. Everything else is passed through.
 */
final class LaneRouting implements DueQueue {
    private final DueQueue queue;
    private final Map<String, DueLane> lanes;

    /** @param lanes kind -> lane, filled while features install (thread-safe map) */
    LaneRouting(DueQueue queue, Map<String, DueLane> lanes) {
        this.queue = queue;
        this.lanes = lanes;
    }

    @Override
    public boolean schedule(DueItem item) {
        return queue.schedule(item.on(lanes.getOrDefault(item.kind(), item.lane())));
    }

    @Override
    public boolean reschedule(String id, Instant dueAt) {
        return queue.reschedule(id, dueAt);
    }

    @Override
    public boolean cancel(String id) {
        return queue.cancel(id);
    }

    @Override
    public List<ClaimedItem> claim(DueLane lane, Instant now, int max, Duration lease) {
        return queue.claim(lane, now, max, lease);
    }

    @Override
    public boolean renew(ClaimedItem claimed, Instant until) {
        return queue.renew(claimed, until);
    }

    @Override
    public boolean complete(ClaimedItem claimed) {
        return queue.complete(claimed);
    }

    @Override
    public boolean retry(ClaimedItem claimed, Instant retryAt) {
        return queue.retry(claimed, retryAt);
    }

    @Override
    public boolean isDone(String id) {
        return queue.isDone(id);
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return queue.nextDueAt();
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public List<DueItem> about(org.fellowship.core.model.ChatUserId member) {
        return queue.about(member);
    }

    @Override
    public int forget(org.fellowship.core.model.ChatUserId member) {
        return queue.forget(member);
    }
}
