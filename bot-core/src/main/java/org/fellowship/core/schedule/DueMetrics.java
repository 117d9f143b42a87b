package org.fellowship.core.schedule;

import java.time.Duration;

/**
 * What the due worker reports about each scheduled item it ran or dead-lettered. Implementations must be
 * thread-safe, cheap and never throw; the labels are the item's kind and a {@link DeadLetterReason}, never an id or
 * text.
 */
public interface DueMetrics {

    /** A scheduled item ran {@code lag} after it was due ({@code kind}: the due handler's kind). */
    void dueItem(String kind, Duration lag, boolean succeeded);

    /**
     * An item of {@code kind} was taken off the queue for good without succeeding, for {@code reason}: it will not be
     * claimed again. Reported once per item that was removed (a worker that lost the lease meanwhile reports
     * nothing). The default reports nothing.
     */
    default void deadLettered(String kind, DeadLetterReason reason) {
    }

    /** Reports nothing. */
    DueMetrics NONE = (kind, lag, succeeded) -> {
    };
}
