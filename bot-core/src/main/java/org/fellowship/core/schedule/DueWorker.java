package org.fellowship.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fellowship.core.engine.EngineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due items in batches and runs their handlers. A handler that throws is retried with exponential
 * back-off up to {@link #MAX_ATTEMPTS}; an item with no handler, or beyond the budget, is completed and logged by
 * id so it cannot block the queue.
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
    private final EngineMetrics metrics;

    public DueWorker(DueQueue queue, Map<String, DueHandler> handlers, Clock clock, Duration lease, int batchSize,
                     EngineMetrics metrics) {
        this.metrics = metrics;
        this.queue = queue;
        this.handlers = Map.copyOf(handlers);
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** Runs everything due now, batch by batch. Returns how many items were handled. */
    public int runDue() {
        int handled = 0;
        while (true) {
            Instant now = clock.instant();
            List<ClaimedItem> batch = queue.claim(now, batchSize, lease);
            for (ClaimedItem claimed : batch) {
                run(claimed, now);
            }
            handled += batch.size();
            if (batch.size() < batchSize) {
                return handled;
            }
        }
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
                queue.retry(claimed, now.plus(backoff));
            }
        }
    }
}
