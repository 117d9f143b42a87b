package org.fellowship.core.schedule;

import java.time.Duration;

/**
 * What the due worker reports about each scheduled item it ran. Implementations must be thread-safe, cheap and
 * never throw; the label is the due handler's kind, never an id or text.
 */
public interface DueMetrics {

    /** A scheduled item ran {@code lag} after it was due ({@code kind}: the due handler's kind). */
    void dueItem(String kind, Duration lag, boolean succeeded);

    /** Reports nothing. */
    DueMetrics NONE = (kind, lag, succeeded) -> {
    };
}
