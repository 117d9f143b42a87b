package org.fellowship.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * A bounded retry with doubling pauses, every failed attempt logged: how this module waits for a Redis server to
 * answer (the embedded server's start, a client's first PING). Thread-safe (immutable).
 *
 * @param attempts   how many attempts in all (at least 1)
 * @param firstPause the pause after the first failure; it doubles after each further one, up to {@code maxPause}
 * @param maxPause   the longest pause
 * @param sleeper    how a pause is spent (real waiting, except in tests of the retry itself)
 */
record Retry(int attempts, Duration firstPause, Duration maxPause, Sleeper sleeper) {
    /** How a pause is spent. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    static final Sleeper REAL = pause -> Thread.sleep(pause.toMillis());

    /** One attempt; throws when it failed. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws Exception;
    }

    /** Thrown when every attempt failed; the cause is the last failure. */
    static final class Exhausted extends Exception {
        private final int attempts;

        Exhausted(int attempts, Exception last) {
            super(last.getMessage(), last);
            this.attempts = attempts;
        }

        int attempts() {
            return attempts;
        }
    }

    Retry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Objects.requireNonNull(firstPause, "firstPause");
        Objects.requireNonNull(maxPause, "maxPause");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Runs {@code attempt} until it succeeds, a failure is not {@code retryable}, or the attempts are used up.
     *
     * @param what what is being waited for, for the log ("PING to 127.0.0.1:6379"); never user data or secrets
     * @throws Exhausted            when every attempt failed with a retryable failure
     * @throws Exception            the first failure that is not retryable, as thrown
     * @throws InterruptedException when interrupted during a pause (the interrupt flag is set again)
     */
    <T> T run(String what, Logger log, Predicate<Exception> retryable, Attempt<T> attempt) throws Exception {
        Duration pause = firstPause;
        for (int n = 1; ; n++) {
            try {
                T result = attempt.run();
                if (n > 1) {
                    log.info("{} succeeded on attempt {} of {}", what, n, attempts);
                }
                return result;
            } catch (Exception e) {
                if (!retryable.test(e)) {
                    throw e;
                }
                if (n >= attempts) {
                    log.warn("{} failed {} times, giving up: {}", what, n, describe(e));
                    throw new Exhausted(n, e);
                }
                log.warn("{} failed (attempt {} of {}: {}); retrying in {} ms", what, n, attempts, describe(e),
                        pause.toMillis());
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw ie;
                }
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    /** The exception's type and first line, which for Redis and socket errors never holds user data. */
    static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
