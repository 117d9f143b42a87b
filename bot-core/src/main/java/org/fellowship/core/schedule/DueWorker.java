package org.fellowship.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due items lane by lane and runs their handlers. A handler that throws is retried with exponential back-off
 * up to {@link #MAX_ATTEMPTS}; an item with no handler, or beyond the budget, is completed and logged by id so it
 * cannot block the queue.
 *
 * <p>Every item claimed and not yet finished is held: {@link #renewLeases()} extends all their leases (the app calls
 * it every third of the lease, see {@link DueRunner}), so neither an item that runs for minutes nor the items claimed
 * with it in the same batch are claimed and run a second time by another instance. An item whose lease ran out or
 * was lost before it started is not started (whoever claimed it since runs it).
 *
 * <p><b>Threading:</b> {@link #runDue(DueLane)} may run concurrently for different lanes (one thread each) and
 * {@link #renewLeases()} from yet another thread; one lane must not be run by two threads at once.
 */
public final class DueWorker {
    public static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DueWorker.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    private final DueQueue queue;
    private final Map<String, DueHandler> handlers;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;
    private final DueMetrics metrics;
    /** Claimed and not yet finished, by item id, on every lane. */
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** A claimed item and what renewal learnt about its lease. */
    private static final class Held {
        volatile ClaimedItem claimed;
        volatile boolean lost;

        Held(ClaimedItem claimed) {
            this.claimed = claimed;
        }
    }

    public DueWorker(DueQueue queue, Map<String, DueHandler> handlers, Clock clock, Duration lease, int batchSize,
                     DueMetrics metrics) {
        this.metrics = metrics;
        this.queue = queue;
        this.handlers = Map.copyOf(handlers);
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** The lease taken on claimed items. */
    public Duration lease() {
        return lease;
    }

    /**
     * Runs everything due now on every lane, crisis first, on the calling thread (replays, the console, tests).
     * Returns how many items were claimed.
     */
    public int runDue() {
        int handled = 0;
        for (DueLane lane : DueLane.values()) {
            handled += runDue(lane);
        }
        return handled;
    }

    /** Runs everything due now on one lane, batch by batch, on the calling thread. Returns how many were claimed. */
    public int runDue(DueLane lane) {
        int max = lane.oneAtATime() ? 1 : batchSize;
        int handled = 0;
        while (true) {
            List<ClaimedItem> batch = queue.claim(lane, clock.instant(), max, lease);
            for (ClaimedItem claimed : batch) {
                held.put(claimed.item().id(), new Held(claimed));
            }
            try {
                for (ClaimedItem claimed : batch) {
                    Held h = held.get(claimed.item().id());
                    Instant now = clock.instant();
                    if (h.lost || !now.isBefore(h.claimed.leaseExpires())) {
                        LOG.warn("lease on due item {} ran out before it started; left to whoever claims it next",
                                claimed.item().id());
                        continue;
                    }
                    run(h.claimed, now);
                    held.remove(claimed.item().id());
                }
            } finally {
                batch.forEach(c -> held.remove(c.item().id()));
            }
            handled += batch.size();
            if (batch.size() < max) {
                return handled;
            }
        }
    }

    /**
     * Extends the lease of every item claimed and not yet finished to now plus the lease. Safe to call from any
     * thread at any time; a store outage leaves the leases as they are (the next call tries again).
     *
     * @return how many leases were extended
     */
    public int renewLeases() {
        Instant until = clock.instant().plus(lease);
        int renewed = 0;
        for (Held h : held.values()) {
            ClaimedItem claimed = h.claimed;
            if (h.lost) {
                continue;
            }
            try {
                if (queue.renew(claimed, until)) {
                    h.claimed = new ClaimedItem(claimed.item(), claimed.leaseToken(), until, claimed.attempt());
                    renewed++;
                } else if (held.get(claimed.item().id()) == h) {
                    h.lost = true;
                    LOG.warn("lease on due item {} was lost while it was held", claimed.item().id());
                }
            } catch (StoreUnavailableException e) {
                LOG.warn("lease renewal paused: store unavailable ({})", e.getMessage());
                return renewed;
            }
        }
        return renewed;
    }

    /** How many claimed items are held right now (running or waiting in their batch). */
    public int held() {
        return held.size();
    }

    private void run(ClaimedItem claimed, Instant now) {
        DueItem item = claimed.item();
        DueHandler handler = handlers.get(item.kind());
        if (handler == null) {
            LOG.error("no handler for due item {} of kind {}; dropping it", item.id(), item.kind());
            queue.complete(claimed);
            return;
        }
        Duration lag = Duration.between(item.dueAt(), now);
        try {
            handler.run(item);
            metrics.dueItem(item.kind(), lag, true);
            if (!queue.complete(claimed)) {
                LOG.warn("lease on due item {} was lost before completion", item.id());
            }
        } catch (RuntimeException e) {
            metrics.dueItem(item.kind(), lag, false);
            if (claimed.attempt() >= MAX_ATTEMPTS) {
                LOG.error("due item {} failed {} times; dropping it", item.id(), claimed.attempt(), e);
                queue.complete(claimed);
            } else {
                Duration backoff = FIRST_RETRY.multipliedBy(1L << (claimed.attempt() - 1));
                LOG.warn("due item {} failed (attempt {}); retrying in {}", item.id(), claimed.attempt(), backoff, e);
                queue.retry(claimed, clock.instant().plus(backoff));
            }
        }
    }
}
