package org.fellowship.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram rate limiter the app wires: Telegram's send limits shared by every instance of the bot through a
 * {@link RateLimitStore} (Redis in the app). A bot-wide window, one window per private chat and one per group, taken
 * together or not at all, each counting a message while its request is in flight and for the window's length after it
 * finished (so no more than the limit can reach Telegram within any window, whatever the delays on the way), plus a
 * bot-wide pace that spreads a wave evenly over the second. A 429 pauses every instance for {@code retry_after}.
 * Waiting senders retry as soon as the store says a slot frees up; urgent ones (crisis replies, escalation alerts)
 * retry first, bulk ones last.
 *
 * <p><b>Threading:</b> thread-safe; {@link #acquire} blocks the caller. <b>Failure:</b> {@code RATE_LIMITED} after
 * {@link RateLimits#maxWait()}; if the store is unreachable the send goes ahead (logged) rather than holding a crisis
 * reply hostage to Redis.
 */
public final class TelegramRateLimiter implements SendPermits {
    static final String SCOPE = "tg";
    /** Longest a send can be in flight (above the gateway's request timeout); an instance that dies mid-send holds its slot this long. */
    static final Duration MAX_FLIGHT = Duration.ofSeconds(30);
    static final int PACE_BURST = 4;
    private static final Logger LOG = LoggerFactory.getLogger(TelegramRateLimiter.class);

    private final RateLimitStore store;
    private final RateLimits limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int paceBurst;
    private final Duration pace;

    public TelegramRateLimiter(RateLimitStore store, RateLimits limits, Clock clock) {
        this(store, limits, clock, Sleeper.REAL);
    }

    /** @param sleeper how a sender waits for a slot (tests move their clock instead) */
    TelegramRateLimiter(RateLimitStore store, RateLimits limits, Clock clock, Sleeper sleeper) {
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        // At most PACE_BURST grants per 90 % of the time the bot rate needs for them: a wave is spread over the
        // second instead of leaving in one burst (so an urgent message never waits behind a full window), while
        // pacing never binds below the bot rate itself.
        this.paceBurst = Math.min(PACE_BURST, limits.botMessages());
        Duration paced = limits.botWindow().multipliedBy(paceBurst).multipliedBy(9).dividedBy(10L * limits.botMessages());
        this.pace = paced.isZero() ? Duration.ofMillis(1) : paced;
    }

    @Override
    public Permit acquire(String chatId, boolean privateChat, Priority priority) {
        List<RateLimitStore.Window> windows = windows(chatId, privateChat);
        Instant deadline = clock.instant().plus(limits.maxWait());
        while (true) {
            RateLimitStore.Take take;
            try {
                take = store.take(SCOPE, windows, clock.instant(), MAX_FLIGHT);
            } catch (StoreUnavailableException e) {
                LOG.warn("shared rate limits unavailable ({}); sending without them", e.getMessage());
                return Permit.NONE;
            }
            if (take.isGranted()) {
                return finisher(windows, take.id());
            }
            Duration wait = take.retryAfter();
            if (clock.instant().plus(wait).isAfter(deadline)) {
                throw new GatewayException(GatewayException.Reason.RATE_LIMITED,
                        "no send slot within " + limits.maxWait().toSeconds() + " s");
            }
            try {
                sleeper.sleep(wait.plus(patience(priority)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(GatewayException.Reason.UNAVAILABLE, "interrupted waiting to send");
            }
        }
    }

    private Permit finisher(List<RateLimitStore.Window> windows, String takeId) {
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false)) {
                try {
                    store.finish(SCOPE, windows, takeId, clock.instant());
                } catch (StoreUnavailableException e) {
                    // the take stays counted until MAX_FLIGHT ran out: slower, never over the limit
                    LOG.warn("could not report a finished Telegram send ({})", e.getMessage());
                }
            }
        };
    }

    @Override
    public void backOff(Duration wait) {
        try {
            store.pause(SCOPE, wait, clock.instant());
        } catch (StoreUnavailableException e) {
            LOG.warn("could not share a Telegram back-off of {} ms ({})", wait.toMillis(), e.getMessage());
        }
    }

    List<RateLimitStore.Window> windows(String chatId, boolean privateChat) {
        List<RateLimitStore.Window> windows = new ArrayList<>(3);
        windows.add(RateLimitStore.Window.untilFinished("bot", limits.botMessages(), limits.botWindow()));
        windows.add(new RateLimitStore.Window("bot-pace", paceBurst, pace));
        if (privateChat) {
            if (!limits.privateInterval().isZero()) {
                windows.add(RateLimitStore.Window.untilFinished("chat:" + chatId, 1, limits.privateInterval()));
            }
        } else {
            windows.add(RateLimitStore.Window.untilFinished("group:" + chatId, limits.groupMessages(),
                    limits.groupWindow()));
        }
        return windows;
    }

    /** Extra wait after a slot frees: urgent senders come back first and get it. */
    static Duration patience(Priority priority) {
        return switch (priority) {
            case URGENT -> Duration.ZERO;
            case NORMAL -> Duration.ofMillis(3);
            case BULK -> Duration.ofMillis(10);
        };
    }
}
