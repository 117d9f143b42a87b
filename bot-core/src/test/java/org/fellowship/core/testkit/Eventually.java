package org.fellowship.core.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in a test for something a background thread does (a poller delivering an update, a thread ending):
 * polls a condition until it holds. The bound is generous on purpose; it only turns "never" into a failure
 * instead of a hung build, and is never a timing assertion: a slow machine just waits longer.
 */
public final class Eventually {
    /** How long a test waits for a background thread before calling it stuck. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {
    }

    /**
     * Returns once {@code condition} holds; fails after {@link #PATIENCE}.
     *
     * @param what what is awaited, for the failure message
     */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still waiting after " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
