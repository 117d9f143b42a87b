package org.fellowship.app.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.store.CommunityMigration;
import org.fellowship.core.store.DirectChatRegistry;
import org.fellowship.redis.RedisStore;
import org.fellowship.telegram.KnownPrivateChats;
import org.fellowship.telegram.RateLimits;
import org.fellowship.telegram.TelegramAdapter;
import org.fellowship.telegram.TelegramConfig;
import org.fellowship.telegram.TelegramRateLimiter;
import org.fellowship.telegram.TelegramWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Connects Telegram when {@code fellowship.telegram.token} is set, by long polling or (mode {@code webhook}) through
 * {@link TelegramWebhookController}. Starts after the engine and stops before it; reports as the {@code telegram}
 * health component. A failed start leaves the rest of the bot running (health DOWN, clear log); when the cause may
 * pass (network, DNS, Telegram down, rate limit) it tries again after {@code fellowship.telegram.reconnect-after}
 * (5 s), doubling the wait up to 5 minutes with jitter, until it connects or the app stops ({@link Reconnects});
 * health then reads "reconnecting (attempt N, next in Ts)". A refused token or setting is not retried: it needs a
 * fix and a restart.
 *
 * <p>Shutdown is two steps: {@link #stop()} (an earlier lifecycle phase than the engine) only stops intake, and
 * {@link #destroy()} (after every lifecycle phase, so after the engine drained) closes the sending client. Telegram
 * counts polled updates as delivered, so a reply still queued at shutdown would otherwise be lost for good.
 */
@Component("telegram")
@ConditionalOnProperty(prefix = "fellowship.telegram", name = "token")
public class TelegramAdapterLifecycle implements SmartLifecycle, HealthIndicator, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramAdapterLifecycle.class);

    private final PlatformSettings.Telegram settings;
    private final BotCore core;
    private final Gateways gateways;
    private final Clock clock;
    private final RedisStore store;
    private volatile TelegramAdapter adapter;
    /** The started adapter, kept for sending after intake stopped; closed in {@link #destroy()}. */
    private volatile TelegramAdapter started;
    private volatile TelegramWebhook webhook;
    private volatile String problem = "not started";
    private final Reconnects reconnects;
    private volatile boolean stopping;

    public TelegramAdapterLifecycle(PlatformSettings platforms, BotCore core, Gateways gateways, Clock clock,
                                    RedisStore store,
                                    @Value("${fellowship.telegram.reconnect-after:5s}") Duration firstReconnectDelay) {
        this.reconnects = new Reconnects("Telegram", firstReconnectDelay, clock, RandomGenerator.getDefault());
        this.store = store;
        this.settings = platforms.telegram();
        this.core = core;
        this.gateways = gateways;
        this.clock = clock;
    }

    @Override
    public void start() {
        stopping = false;
        reconnects.reset();
        connect();
    }

    private synchronized void connect() {
        if (stopping || adapter != null) {
            return;
        }
        TelegramConfig config = TelegramConfig.of(settings.token());
        if (settings.apiUrl() != null) {
            config = config.withApiUrl(settings.apiUrl());
        }
        TelegramAdapter candidate = new TelegramAdapter(config,
                // Limits shared through Redis, so several instances together stay within Telegram's limits.
                knownPrivateChats(store.directChats()), new TelegramRateLimiter(store.rateLimits(), RateLimits.telegram(), clock),
                // A group that becomes a supergroup gets a new chat id: an alias to it, and its stored state moves.
                migration -> new CommunityMigration(store.aliases(), store.communityMover())
                        .migrate(migration.from(), migration.to()),
                clock);
        try {
            gateways.register((ChatGateway) candidate.gateway()).register((GroupAdminGateway) candidate.gateway());
            if ("webhook".equals(settings.mode())) {
                webhook = candidate.startWebhook(settings.webhookSecret(), core.engine(), core.commands().menu());
                candidate.registerWebhook(settings.webhookUrl(), settings.webhookSecret());
                LOG.info("Telegram adapter receiving by webhook at POST {}", TelegramWebhookController.PATH);
            } else {
                candidate.startPolling(core.engine(), core.commands().menu());
                LOG.info("Telegram adapter receiving by long polling");
            }
            adapter = candidate;
            started = candidate;
            problem = null;
            reconnects.connected();
        } catch (GatewayException e) {
            candidate.close();
            problem = e.reason() + ": " + e.getMessage();
            if (Reconnects.worthRetrying(e)) {
                reconnects.failed(e, this::connect);
            } else {
                LOG.error("Telegram adapter could not start ({}: {}); the rest of the bot keeps running. Check the "
                        + "token and Telegram settings, then restart", e.reason(), e.getMessage());
            }
        }
    }

    /** Who started the bot, kept in Redis so restarts and other instances know it too. */
    private static KnownPrivateChats knownPrivateChats(DirectChatRegistry registry) {
        return new KnownPrivateChats() {
            @Override
            public boolean contains(String userId) {
                return registry.isOpen(new ChatUserId(Platform.TELEGRAM, userId));
            }

            @Override
            public void add(String userId) {
                registry.opened(new ChatUserId(Platform.TELEGRAM, userId));
            }

            @Override
            public void remove(String userId) {
                registry.closed(new ChatUserId(Platform.TELEGRAM, userId));
            }
        };
    }

    /** The webhook handler while running in webhook mode. */
    Optional<TelegramWebhook> webhook() {
        return Optional.ofNullable(webhook);
    }

    /** Stops intake only: the engine still drains what was taken, and its replies still go out. */
    @Override
    public void stop() {
        stopping = true;
        TelegramAdapter a = adapter;
        adapter = null;
        webhook = null;
        if (a != null) {
            a.stopReceiving();
            LOG.info("Telegram adapter stopped receiving; sending until the engine has drained");
        }
    }

    /** Closes the sending client, after the engine drained (beans are destroyed after all lifecycles stopped). */
    @Override
    public void destroy() {
        stop();
        reconnects.close();
        TelegramAdapter a = started;
        started = null;
        if (a != null) {
            a.close();
            LOG.info("Telegram adapter closed");
        }
    }

    @Override
    public boolean isRunning() {
        return adapter != null;
    }

    @Override
    public int getPhase() {
        return BotLifecycle.PHASE + 10;
    }

    /** Failed long-polling calls in a row after which health says DOWN. */
    static final int FAILED_POLLS_DOWN = 3;

    @Override
    public Health health() {
        TelegramAdapter a = adapter;
        if (a == null) {
            return AdapterHealth.notConnected(problem, reconnects);
        }
        int failed = a.failedPollsInARow();
        if (failed >= FAILED_POLLS_DOWN) {
            // the library backs off and retries quietly: say so, or a bot that receives nothing looks healthy
            return Health.down().withDetail("mode", settings.mode()).withDetail("problem", "long polling has failed "
                    + failed + " times in a row; no updates arrive until Telegram answers again").build();
        }
        return Health.up().withDetail("mode", settings.mode())
                .withDetail("readAllGroupMessages", a.gateway().capabilities().readAllGroupMessages()).build();
    }
}
