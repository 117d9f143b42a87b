package org.fellowship.redis;

import java.time.Duration;

/** Real waiting for tests of Redis TTLs (server wall clock). */
final class Sleep {
    private Sleep() {
    }

    static void wallClock(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
