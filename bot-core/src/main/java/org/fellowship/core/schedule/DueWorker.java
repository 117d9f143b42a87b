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
 * Claims due items lane by lane, decodes each item's payload once with its kind's codec and runs the kind's handler.
 * A handler that throws is retried with exponential back-off up to {@link #MAX_ATTEMPTS}.
 *
 * <p>One dead-letter path: an item the store could not read, of a kind with no handler, whose payload its codec cannot
 * read, or whose handler failed on every attempt is completed (so it is never claimed again), counted with
 * {@link DueMetrics#deadLettered} and logged by id and kind only (a payload may name members or hold their words).
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
    private final Map<String, DueHandler<?>> handlers;
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

    /**
     * @param handlers  each kind's handler, keyed by its kind's name
     * @param batchSize how many items a lane claims at once (lanes that run one job at a time claim one)
     */
    public DueWorker(DueQueue queue, Map<String, DueHandler<?>> handlers, Clock clock, Duration lease, int batchSize,
                     DueMetrics metrics) {
        this.metrics = metrics;
        this.queue = queue;
        this.handlers = Map.copyOf(handlers);
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** The kinds of scheduled work it runs, by name (the app registers their metrics at zero). */
    public java.util.Set<String> kinds() {
        return handlers.keySet();
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
        DueHandler<?> handler = handlers.get(item.kind());
        if (item.isUnreadable()) {
            deadLetter(claimed, DeadLetterReason.UNREADABLE_RECORD);
        } else if (handler == null) {
            deadLetter(claimed, DeadLetterReason.UNKNOWN_KIND);
        } else {
            run(handler, claimed, now);
        }
    }

    private <P> void run(DueHandler<P> handler, ClaimedItem claimed, Instant now) {
        DueItem item = claimed.item();
        P payload;
        try {
            payload = handler.kind().codec().decode(item.payload());
        } catch (RuntimeException e) { // MalformedPayload, or a codec's own slip: reading again cannot succeed
            deadLetter(claimed, DeadLetterReason.MALFORMED_PAYLOAD);
            return;
        }
        Duration lag = Duration.between(item.dueAt(), now);
        try {
            handler.run(item, payload);
            metrics.dueItem(item.kind(), lag, true);
            if (!queue.complete(claimed)) {
                LOG.warn("lease on due item {} was lost before completion", item.id());
            }
        } catch (RuntimeException e) {
            metrics.dueItem(item.kind(), lag, false);
            if (claimed.attempt() >= MAX_ATTEMPTS) {
                LOG.error("due item {} failed {} times", item.id(), claimed.attempt(), e);
                deadLetter(claimed, DeadLetterReason.ATTEMPTS_EXHAUSTED);
            } else {
                Duration backoff = FIRST_RETRY.multipliedBy(1L << (claimed.attempt() - 1));
                LOG.warn("due item {} failed (attempt {}); retrying in {}", item.id(), claimed.attempt(), backoff, e);
                queue.retry(claimed, clock.instant().plus(backoff));
            }
        }
    }

    /** Takes the item off the queue for good; counted and logged only by the worker that still held its lease. */
    private void deadLetter(ClaimedItem claimed, DeadLetterReason reason) {
        DueItem item = claimed.item();
        if (queue.complete(claimed)) {
            metrics.deadLettered(item.kind(), reason);
            LOG.error("due item {} of kind {} dead-lettered: {}", item.id(), item.kind(), reason.key());
        } else {
            LOG.warn("lease on due item {} was lost before it could be dead-lettered", item.id());
        }
    }
}
