package org.fellowship.telegram;

import java.time.Duration;

/**
 * How the adapter waits out a duration (a rate limit's pause, Telegram's {@code retry_after}): real sleeping in
 * production; tests pass one that moves their fake clock instead, so no test waits in real time.
 */
@FunctionalInterface
interface Sleeper {
    /** Real sleeping. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
