package org.fellowship.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.GatewayException;

/**
 * <b>Not wired in production</b> (the app uses {@link TelegramRateLimiter}): an in-process {@link SendPermits} kept in
 * the test sources as the comparison for {@link DmBurstBenchmarkIT} ({@code -Dfellowship.benchmark.limiter=local}).
 *
 * <p>Even spacing for the whole bot ({@code botWindow / botMessages}) under a bot-wide sliding window, a minimum
 * spacing per private chat and a sliding window per group ({@link RateLimits}). Every window counts a message while
 * its request is in flight and for the window's length after its permit was closed, so jitter between the permit and
 * Telegram's receipt cannot bunch more than the limit into one window. Among senders whose chat limit allows them to
 * go, the one with the higher {@link Priority} (then the earlier arrival) takes the next bot-wide slot, so crisis
 * replies and escalation alerts overtake bulk waves. After a 429 {@link #backOff} pauses every sender. Limits are per
 * process, so it cannot keep several instances of one bot within Telegram's limits.
 *
 * <p><b>Time:</b> every decision and the {@link RateLimits#maxWait()} deadline are measured on the injected clock;
 * {@link #acquire} blocks (interruptibly) in real time between looks at that clock, at most
 * {@value #MAX_SLICE_MILLIS} ms at a time, so use a ticking clock outside tests. Tests pass a {@link Waiting} that
 * moves a manual clock instead of blocking.
 *
 * <p><b>Threading:</b> thread-safe. <b>Failure:</b> {@link GatewayException} {@code RATE_LIMITED} after
 * {@link RateLimits#maxWait()}, {@code UNAVAILABLE} when interrupted.
 */
final class InProcessRateLimiter implements SendPermits {
    private static final long MAX_SLICE_MILLIS = 50;
    private static final long MAX_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_SLICE_MILLIS);

    /** How a sender waits (holding the limiter's lock, which the wait releases) until something may have changed. */
    @FunctionalInterface
    interface Waiting {
        /** Waits on {@code changed} for at most {@code atMost}; may return early. */
        void await(Condition changed, Duration atMost) throws InterruptedException;
    }

    /** Real waiting: a signal, or the time running out. */
    static final Waiting BLOCKING = (changed, atMost) -> changed.awaitNanos(atMost.toNanos());
    private static final int PURGE_THRESHOLD = 10_000;

    private final RateLimits limits;
    private final Clock clock;
    private final Waiting waiting;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Duration botInterval;
    /** The scheduled time of the next bot-wide slot; grants that wake late keep the schedule (see {@link #record}). */
    private Instant nextBotSlot = Instant.EPOCH;
    /** Sends that still count in the bot-wide window, oldest grant first. */
    private final ArrayDeque<Send> botSends = new ArrayDeque<>();
    private final Map<String, Send> privateLast = new HashMap<>();
    private final Map<String, ArrayDeque<Send>> groupSends = new HashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private Instant pausedUntil = Instant.EPOCH;
    private long sequence;

    private record Waiter(String chatId, boolean privateChat, Priority priority, long seq) {
        boolean outranks(Waiter other) {
            int p = Integer.compare(priority.ordinal(), other.priority.ordinal());
            return p < 0 || (p == 0 && seq < other.seq);
        }
    }

    /** One granted send; {@code finished} is null while its request is in flight. Guarded by {@link #lock}. */
    private static final class Send {
        private Instant finished;

        /** Whether it still counts at {@code now} in a window of {@code length}. */
        boolean counts(Instant now, Duration length) {
            return finished == null || finished.plus(length).isAfter(now);
        }

        /** When it stops counting, or {@code null} while in flight (unknown). */
        Instant expiry(Duration length) {
            return finished == null ? null : finished.plus(length);
        }
    }

    InProcessRateLimiter(RateLimits limits, Clock clock) {
        this(limits, clock, BLOCKING);
    }

    /** With the way senders wait given: tests move a manual clock instead of blocking. */
    InProcessRateLimiter(RateLimits limits, Clock clock, Waiting waiting) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.waiting = Objects.requireNonNull(waiting, "waiting");
        this.botInterval = limits.botWindow().dividedBy(limits.botMessages());
    }

    @Override
    public Permit acquire(String chatId, boolean privateChat, Priority priority) {
        lock.lock();
        try {
            Instant deadline = clock.instant().plus(limits.maxWait());
            Waiter me = new Waiter(chatId, privateChat, priority, sequence++);
            waiters.add(me);
            try {
                while (true) {
                    Instant now = clock.instant();
                    Instant chatReady = chatReadyAt(me, now);
                    Instant ready = max(max(chatReady, botReadyAt(now)), pausedUntil);
                    if (!ready.isAfter(now) && !outranked(me, now)) {
                        return permit(record(me, now));
                    }
                    long left = Duration.between(now, deadline).toNanos();
                    if (left <= 0) {
                        throw new GatewayException(GatewayException.Reason.RATE_LIMITED,
                                "no Telegram send permit within " + limits.maxWait().toSeconds() + " s");
                    }
                    long untilReady = ready.isAfter(now) ? Duration.between(now, ready).toNanos() : MAX_SLICE_NANOS;
                    waiting.await(changed, Duration.ofNanos(
                            Math.max(100_000, Math.min(Math.min(untilReady, MAX_SLICE_NANOS), left))));
                }
            } finally {
                waiters.remove(me);
                changed.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayException.Reason.UNAVAILABLE, "interrupted while waiting to send");
        } finally {
            lock.unlock();
        }
    }

    /** How many senders are waiting for a permit right now (tests wait for their senders to queue). */
    int waiting() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void backOff(Duration wait) {
        lock.lock();
        try {
            Instant until = clock.instant().plus(wait);
            pausedUntil = max(pausedUntil, until);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Permit permit(Send send) {
        return () -> {
            lock.lock();
            try {
                if (send.finished == null) {
                    send.finished = clock.instant();
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        };
    }

    private boolean outranked(Waiter me, Instant now) {
        for (Waiter other : waiters) {
            if (other != me && other.outranks(me) && !chatReadyAt(other, now).isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    /** When the bot-wide pace and window allow the next send; "now + a slice" when only an in-flight send can free one. */
    private Instant botReadyAt(Instant now) {
        Instant paced = max(now, nextBotSlot);
        return max(paced, windowReadyAt(botSends, limits.botMessages(), limits.botWindow(), now));
    }

    private Instant chatReadyAt(Waiter w, Instant now) {
        if (w.privateChat()) {
            if (limits.privateInterval().isZero()) {
                return now;
            }
            Send last = privateLast.get(w.chatId());
            if (last == null || !last.counts(now, limits.privateInterval())) {
                return now;
            }
            Instant expiry = last.expiry(limits.privateInterval());
            return expiry == null ? inFlightRetry(now) : expiry;
        }
        ArrayDeque<Send> sends = groupSends.get(w.chatId());
        return sends == null ? now : windowReadyAt(sends, limits.groupMessages(), limits.groupWindow(), now);
    }

    /** Drops sends that no longer count and says when the window has room. */
    private static Instant windowReadyAt(ArrayDeque<Send> sends, int limit, Duration length, Instant now) {
        sends.removeIf(s -> !s.counts(now, length));
        if (sends.size() < limit) {
            return now;
        }
        Instant earliest = null;
        for (Send s : sends) {
            Instant expiry = s.expiry(length);
            if (expiry != null && (earliest == null || expiry.isBefore(earliest))) {
                earliest = expiry;
            }
        }
        return earliest == null ? inFlightRetry(now) : earliest;
    }

    /** Every holder is in flight: its answer signals the waiters, so this only bounds the wait. */
    private static Instant inFlightRetry(Instant now) {
        return now.plusNanos(MAX_SLICE_NANOS);
    }

    private Send record(Waiter w, Instant now) {
        // Advance the schedule from the slot, not from "now": a sender woken a few milliseconds late must not push
        // every later message back, or a loaded machine would drift well below the limit. A grant more than one
        // interval behind (idle bot, back-off) restarts the schedule, so no burst can build up. The bot-wide window
        // (counted until after the answer) is what guarantees the limit.
        Instant slot = nextBotSlot.isBefore(now.minus(botInterval)) ? now : nextBotSlot;
        nextBotSlot = slot.plus(botInterval);
        Send send = new Send();
        botSends.addLast(send);
        if (w.privateChat()) {
            privateLast.put(w.chatId(), send);
        } else {
            groupSends.computeIfAbsent(w.chatId(), k -> new ArrayDeque<>()).addLast(send);
        }
        if (privateLast.size() + groupSends.size() > PURGE_THRESHOLD) {
            purge(now);
        }
        return send;
    }

    private void purge(Instant now) {
        privateLast.values().removeIf(s -> !s.counts(now, limits.privateInterval()));
        Iterator<ArrayDeque<Send>> it = groupSends.values().iterator();
        while (it.hasNext()) {
            ArrayDeque<Send> q = it.next();
            q.removeIf(s -> !s.counts(now, limits.groupWindow()));
            if (q.isEmpty()) {
                it.remove();
            }
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
