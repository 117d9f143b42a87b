package org.fellowship.core.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fellowship.core.store.RateLimitStore;

/** In-memory fake of {@link RateLimitStore}: one log of take times per window. */
public final class InMemoryRateLimitStore implements RateLimitStore {
    private final Map<String, Deque<Instant>> logs = new HashMap<>();
    private final Map<String, Instant> pausedUntil = new HashMap<>();

    @Override
    public synchronized Duration tryTake(String scope, List<Window> windows, Instant now) {
        Instant pause = pausedUntil.get(scope);
        if (pause != null && pause.isAfter(now)) {
            return Duration.between(now, pause);
        }
        Duration wait = Duration.ZERO;
        for (Window w : windows) {
            Deque<Instant> log = logs.computeIfAbsent(scope + "|" + w.name(), k -> new ArrayDeque<>());
            while (!log.isEmpty() && !log.peekFirst().isAfter(now.minus(w.length()))) {
                log.pollFirst();
            }
            if (log.size() >= w.limit()) {
                Duration free = Duration.between(now, log.peekFirst().plus(w.length()));
                wait = free.compareTo(wait) > 0 ? free : wait;
            }
        }
        if (!wait.isZero()) {
            return wait;
        }
        for (Window w : windows) {
            logs.get(scope + "|" + w.name()).addLast(now);
        }
        return Duration.ZERO;
    }

    @Override
    public synchronized void pause(String scope, Duration wait, Instant now) {
        pausedUntil.put(scope, now.plus(wait));
    }
}
