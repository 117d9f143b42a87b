package org.fellowship.core.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fellowship.core.port.RateLimitStore;

/**
 * In-memory fake of {@link RateLimitStore}: per window, the takes that still count and when each stops counting
 * (like the Redis store's sorted sets scored by expiry).
 */
public final class InMemoryRateLimitStore implements RateLimitStore {
    private final Map<String, Map<String, Instant>> logs = new HashMap<>();
    private final Map<String, Instant> pausedUntil = new HashMap<>();
    private long takes;

    @Override
    public synchronized Take take(String scope, List<Window> windows, Instant now, Duration maxFlight) {
        Instant pause = pausedUntil.get(scope);
        if (pause != null && pause.isAfter(now)) {
            return Take.refused(Duration.between(now, pause));
        }
        Duration wait = Duration.ZERO;
        for (Window w : windows) {
            Map<String, Instant> log = logs.computeIfAbsent(scope + "|" + w.name(), k -> new LinkedHashMap<>());
            log.values().removeIf(expiry -> !expiry.isAfter(now));
            if (log.size() >= w.limit()) {
                Instant earliest = log.values().stream().min(Instant::compareTo).orElseThrow();
                Duration free = Duration.between(now, earliest);
                if (free.compareTo(w.length()) > 0 && free.compareTo(IN_FLIGHT_RETRY) > 0) {
                    free = IN_FLIGHT_RETRY; // every holder is still in flight
                }
                wait = free.compareTo(wait) > 0 ? free : wait;
            }
        }
        if (!wait.isZero()) {
            return Take.refused(wait);
        }
        String id = "t" + ++takes;
        for (Window w : windows) {
            Instant expiry = now.plus(w.length()).plus(w.untilFinished() ? maxFlight : Duration.ZERO);
            logs.get(scope + "|" + w.name()).put(id, expiry);
        }
        return Take.granted(id);
    }

    @Override
    public synchronized void finish(String scope, List<Window> windows, String takeId, Instant now) {
        for (Window w : windows) {
            Map<String, Instant> log = logs.get(scope + "|" + w.name());
            if (w.untilFinished() && log != null && log.containsKey(takeId)) {
                log.put(takeId, now.plus(w.length()));
            }
        }
    }

    @Override
    public synchronized void pause(String scope, Duration wait, Instant now) {
        pausedUntil.put(scope, now.plus(wait));
    }
}
