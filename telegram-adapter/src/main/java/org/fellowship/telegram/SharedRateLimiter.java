package org.fellowship.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.store.RateLimitStore;
import org.fellowship.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram's send limits shared by every instance of the bot through a {@link RateLimitStore} (Redis in the app):
 * a bot-wide window, one window per private chat and one per group, taken together or not at all. A 429 pauses
 * every instance for {@code retry_after}. Waiting senders retry as soon as the store says a slot frees up; urgent
 * ones (crisis replies, escalation alerts) retry first, bulk ones last.
 *
 * <p><b>Threading:</b> thread-safe; {@link #acquire} blocks the caller. <b>Failure:</b> {@code RATE_LIMITED} after
 * {@link RateLimits#maxWait()}; if the store is unreachable the send goes ahead (logged) rather than holding a crisis
 * reply hostage to Redis.
 */
public final class SharedRateLimiter implements SendPermits {
    /** How one waits; tests replace it to move a fake clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final String SCOPE = "tg";
    private static final Logger LOG = LoggerFactory.getLogger(SharedRateLimiter.class);

    private final RateLimitStore store;
    private final RateLimits limits;
    private final Clock clock;
    private final Sleeper sleeper;

    public SharedRateLimiter(RateLimitStore store, RateLimits limits, Clock clock) {
        this(store, limits, clock, d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000)));
    }

    public SharedRateLimiter(RateLimitStore store, RateLimits limits, Clock clock, Sleeper sleeper) {
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public void acquire(String chatId, boolean privateChat, Priority priority) {
        List<RateLimitStore.Window> windows = windows(chatId, privateChat);
        Instant deadline = clock.instant().plus(limits.maxWait());
        while (true) {
            Duration wait;
            try {
                wait = store.tryTake(SCOPE, windows, clock.instant());
            } catch (StoreUnavailableException e) {
                LOG.warn("shared rate limits unavailable ({}); sending without them", e.getMessage());
                return;
            }
            if (wait.isZero()) {
                return;
            }
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

    @Override
    public void backOff(Duration wait) {
        try {
            store.pause(SCOPE, wait, clock.instant());
        } catch (StoreUnavailableException e) {
            LOG.warn("could not share a Telegram back-off of {} ms ({})", wait.toMillis(), e.getMessage());
        }
    }

    private List<RateLimitStore.Window> windows(String chatId, boolean privateChat) {
        List<RateLimitStore.Window> windows = new ArrayList<>(2);
        windows.add(new RateLimitStore.Window("bot", limits.botMessages(), limits.botWindow()));
        if (privateChat) {
            if (!limits.privateInterval().isZero()) {
                windows.add(new RateLimitStore.Window("chat:" + chatId, 1, limits.privateInterval()));
            }
        } else {
            windows.add(new RateLimitStore.Window("group:" + chatId, limits.groupMessages(), limits.groupWindow()));
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
