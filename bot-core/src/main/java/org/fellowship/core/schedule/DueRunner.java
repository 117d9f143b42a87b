package org.fellowship.core.schedule;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link DueWorker} while the bot is up: every {@link DueLane} polls on a thread of its own, so a lane busy with
 * a ten-minute check-in wave or a feed server that trickles its answer never delays a crisis timer; a further thread
 * renews the leases of claimed items every third of the lease, so long jobs and the rest of their batch are never
 * claimed twice. Polling cadence is wall time; what is due is always decided by the worker's clock.
 *
 * <p><b>Threading:</b> thread-safe. {@link #close()} stops polling and waits for running rounds.
 */
public final class DueRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DueRunner.class);

    private final DueWorker worker;
    private final Map<DueLane, ScheduledExecutorService> lanes = new EnumMap<>(DueLane.class);
    private final ScheduledExecutorService renewal;

    private DueRunner(DueWorker worker, Duration poll, Duration renewEvery) {
        this.worker = worker;
        for (DueLane lane : DueLane.values()) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
                    "due-" + lane.key()));
            executor.scheduleWithFixedDelay(() -> round(lane), poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
            lanes.put(lane, executor);
        }
        renewal = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "due-lease"));
        renewal.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts polling every lane every {@code poll} and renewing leases every third of the worker's lease.
     *
     * @param poll how often each lane looks for due work
     */
    public static DueRunner start(DueWorker worker, Duration poll) {
        Objects.requireNonNull(worker, "worker");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll must be positive");
        }
        Duration renewEvery = worker.lease().dividedBy(3);
        return new DueRunner(worker, poll, renewEvery.isZero() ? Duration.ofMillis(1) : renewEvery);
    }

    /**
     * Runs one round of {@code lane} now, on its own thread, after any round already running there.
     *
     * @return completes with how many items the round claimed
     */
    public CompletableFuture<Integer> poll(DueLane lane) {
        return CompletableFuture.supplyAsync(() -> round(lane), lanes.get(lane));
    }

    /** Renews the held leases now, on the renewal thread; completes with how many were renewed. */
    public CompletableFuture<Integer> renewNow() {
        return CompletableFuture.supplyAsync(this::renew, renewal);
    }

    private int round(DueLane lane) {
        try {
            return worker.runDue(lane);
        } catch (StoreUnavailableException e) {
            LOG.warn("scheduled work on lane {} paused: store unavailable ({})", lane.key(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("scheduled work on lane {} failed", lane.key(), e);
        }
        return 0;
    }

    private int renew() {
        try {
            return worker.renewLeases();
        } catch (RuntimeException e) {
            LOG.error("lease renewal failed", e);
            return 0;
        }
    }

    /** Stops polling, lets running rounds finish (up to {@code wait}), then stops renewing. */
    public void close(Duration wait) throws InterruptedException {
        lanes.values().forEach(ScheduledExecutorService::shutdown);
        long deadline = System.nanoTime() + wait.toNanos();
        for (ScheduledExecutorService executor : lanes.values()) {
            executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        renewal.shutdown();
    }

    @Override
    public void close() {
        try {
            close(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
