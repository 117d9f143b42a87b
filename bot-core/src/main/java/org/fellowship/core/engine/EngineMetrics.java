package org.fellowship.core.engine;

import java.time.Duration;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DueMetrics;

/**
 * Counters the engine reports (the app exports them to Prometheus). Implementations must be thread-safe, cheap
 * and never throw; labels are platform names, outcomes and command names only, never ids or text.
 */
public interface EngineMetrics extends DueMetrics {

    /**
     * An inbound event was handled ({@code outcome}: handled, duplicate, ignored, failed; resumed for work handed back
     * to it, such as a semantic crisis verdict), taking {@code handling}
     * from the moment a worker picked it up (time queued behind its conversation is not included).
     */
    void event(Platform platform, String outcome, Duration handling);

    EngineMetrics NONE = new EngineMetrics() {
        @Override
        public void event(Platform platform, String outcome, Duration handling) {
        }

        @Override
        public void dueItem(String kind, Duration lag, boolean succeeded) {
        }
    };
}
