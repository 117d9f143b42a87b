package org.fellowship.app.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;

/**
 * When a platform adapter could not start because the platform was unreachable, the next attempt: after a first wait,
 * doubling up to {@link #MAX_DELAY}, until it connects or the app stops. One daemon thread, idle otherwise.
 * Thread-safe.
 */
final class Reconnects implements AutoCloseable {
    /** The longest wait between two attempts to connect. */
    static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private final ScheduledExecutorService timer;
    private final Duration first;
    private Duration next;

    Reconnects(String platform, Duration first) {
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first reconnect wait must be positive");
        }
        this.first = first;
        this.next = first;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, platform + "-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether trying again can help: a network or platform outage or a rate limit, not a refused token. */
    static boolean worthRetrying(GatewayException e) {
        return e.reason() == Reason.UNAVAILABLE || e.reason() == Reason.RATE_LIMITED;
    }

    /** Back to the first wait (the platform connected, or the app starts again). */
    synchronized void reset() {
        next = first;
    }

    /** Runs {@code attempt} after the current wait and doubles the next one (at most {@link #MAX_DELAY}). */
    synchronized Duration later(Runnable attempt) {
        Duration wait = next;
        next = wait.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : wait.multipliedBy(2);
        timer.schedule(attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
        return wait;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
