package org.fellowship.app.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a platform adapter could not start because the platform was unreachable, the next attempt: capped exponential
 * back-off with jitter (a first wait, doubling up to {@link #MAX_DELAY}, each wait shortened by a random share of up
 * to {@link #JITTER} so instances that lost the platform together do not all knock at once), until it connects or
 * the app stops. Logs once per change of state (the first failure, a different failure, connected again), never
 * every attempt, and tells health where it stands. One daemon thread, idle otherwise. Thread-safe.
 */
final class Reconnects implements AutoCloseable {
    /** The longest wait between two attempts to connect. */
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    /** The largest share of a wait the jitter takes off. */
    static final double JITTER = 0.2;
    private static final Logger LOG = LoggerFactory.getLogger(Reconnects.class);

    private final String platform;
    private final ScheduledExecutorService timer;
    private final Duration first;
    private final Clock clock;
    private final RandomGenerator random;
    private Duration next;
    private int failures;
    private Instant nextAttempt;
    private Reason lastReason;

    /**
     * @param platform the platform's name for logs and the timer thread, such as "Telegram"
     * @param first    the wait after the first failure
     */
    Reconnects(String platform, Duration first, Clock clock, RandomGenerator random) {
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first reconnect wait must be positive");
        }
        this.platform = platform;
        this.first = first;
        this.next = first;
        this.clock = clock;
        this.random = random;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, platform.toLowerCase(java.util.Locale.ROOT) + "-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether trying again can help: a network or platform outage or a rate limit, not a refused token. */
    static boolean worthRetrying(GatewayException e) {
        return e.reason() == Reason.UNAVAILABLE || e.reason() == Reason.RATE_LIMITED;
    }

    /** Back to the first wait with no failures counted (the app starts again). */
    synchronized void reset() {
        next = first;
        failures = 0;
        nextAttempt = null;
        lastReason = null;
    }

    /** The platform connected: says so once if it took retries, and starts over. */
    synchronized void connected() {
        if (failures > 0) {
            LOG.info("{} adapter connected after {} failed attempts", platform, failures);
        }
        reset();
    }

    /**
     * An attempt failed: runs {@code attempt} after the current wait (jittered) and doubles the next one, at most
     * {@link #MAX_DELAY}. Logs a warning only when the failure's reason differs from the last one's (its message may
     * vary from attempt to attempt, the state does not).
     *
     * @param failure why it failed (its reason and the platform's message; never message text or names)
     * @return the wait before {@code attempt} runs
     */
    synchronized Duration failed(GatewayException failure, Runnable attempt) {
        String problem = failure.reason() + ": " + failure.getMessage();
        Duration wait = Duration.ofMillis(Math.round(next.toMillis() * (1 - JITTER * random.nextDouble())));
        next = next.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : next.multipliedBy(2);
        failures++;
        nextAttempt = clock.instant().plus(wait);
        if (failure.reason() != lastReason) {
            LOG.warn("{} adapter could not connect ({}); the rest of the bot keeps running. Trying again in {} s, "
                    + "backing off up to {} min; further failures like this one are not logged", platform, problem,
                    wait.toSeconds(), MAX_DELAY.toMinutes());
        } else {
            LOG.debug("{} adapter attempt {} failed again; next in {} ms", platform, failures, wait.toMillis());
        }
        lastReason = failure.reason();
        timer.schedule(attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
        return wait;
    }

    /** For health while waiting to try again: "reconnecting (attempt N, next in Ts)", N counting the first start. */
    synchronized Optional<String> status() {
        if (nextAttempt == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), nextAttempt);
        long seconds = left.isNegative() ? 0 : (left.toMillis() + 999) / 1000;
        return Optional.of("reconnecting (attempt " + (failures + 1) + ", next in " + seconds + "s)");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
