package org.fellowship.app.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.discord.DiscordConnection;
import org.fellowship.discord.DiscordSettings;
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
 * Connects Discord when {@code fellowship.discord.token} is set: starts after the engine, stops before it, and
 * reports its state (including whether the Message Content intent was granted) as the {@code discord} health
 * component. A failed login leaves the app running (health DOWN, clear log) rather than crashing the other platform;
 * when Discord was unreachable it tries again after {@code fellowship.discord.reconnect-after} (5 s), doubling the
 * wait up to 5 minutes with jitter, until it connects or the app stops ({@link Reconnects}); health then reads
 * "reconnecting (attempt N, next in Ts)". A refused token is not retried.
 */
@Component("discord")
@ConditionalOnProperty(prefix = "fellowship.discord", name = "token")
public class DiscordAdapterLifecycle implements SmartLifecycle, HealthIndicator, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapterLifecycle.class);

    private final PlatformSettings.Discord settings;
    private final BotCore core;
    private final Gateways gateways;
    private volatile DiscordConnection connection;
    /** The connection, kept for sending after intake stopped; closed in {@link #destroy()}. */
    private volatile DiscordConnection started;
    private volatile String problem = "not started";
    private final Reconnects reconnects;
    private volatile boolean stopping;

    public DiscordAdapterLifecycle(PlatformSettings platforms, BotCore core, Gateways gateways, Clock clock,
                                   @Value("${fellowship.discord.reconnect-after:5s}") Duration firstReconnectDelay) {
        this.reconnects = new Reconnects("Discord", firstReconnectDelay, clock, RandomGenerator.getDefault());
        this.settings = platforms.discord();
        this.core = core;
        this.gateways = gateways;
    }

    @Override
    public void start() {
        stopping = false;
        reconnects.reset();
        connect();
    }

    private synchronized void connect() {
        if (stopping || connection != null) {
            return;
        }
        DiscordSettings adapterSettings = new DiscordSettings(ids(settings.moderatorRoles()), ids(settings.mentorRoles()),
                settings.messageContent(), settings.shards(),
                settings.commandGuild() == null ? null : Long.valueOf(settings.commandGuild()), null, null);
        try {
            connection = DiscordConnection.connect(settings.token(), adapterSettings, core.engine(),
                    core.commands().menu());
            started = connection;
            gateways.register((ChatGateway) connection.gateway()).register((GroupAdminGateway) connection.gateway());
            problem = null;
            reconnects.connected();
            if (!connection.messageContentIntentGranted()) {
                LOG.warn("Discord: the Message Content intent is not granted, so the bot sees only commands and "
                        + "mentions in servers. Enable it in the developer portal and set "
                        + "FELLOWSHIP_DISCORD_MESSAGE_CONTENT=true for moderation and crisis detection.");
            }
            LOG.info("Discord adapter connected");
        } catch (GatewayException e) {
            problem = e.reason() + ": " + e.getMessage();
            if (Reconnects.worthRetrying(e)) {
                reconnects.failed(e, this::connect);
            } else {
                LOG.error("Discord adapter could not connect ({}: {}); the rest of the bot keeps running. Check the "
                        + "token and Discord settings, then restart", e.reason(), e.getMessage());
            }
        }
    }

    /** Stops intake only: replies to events already taken still go out while the engine drains. */
    @Override
    public void stop() {
        stopping = true;
        DiscordConnection c = connection;
        connection = null;
        if (c != null) {
            c.stopReceiving();
            LOG.info("Discord adapter stopped receiving; sending until the engine has drained");
        }
    }

    /** Disconnects, after the engine drained (beans are destroyed after all lifecycles stopped). */
    @Override
    public void destroy() {
        stop();
        reconnects.close();
        DiscordConnection c = started;
        started = null;
        if (c != null) {
            c.close();
            LOG.info("Discord adapter disconnected");
        }
    }

    @Override
    public boolean isRunning() {
        return connection != null;
    }

    @Override
    public int getPhase() {
        return BotLifecycle.PHASE + 10;
    }

    @Override
    public Health health() {
        DiscordConnection c = connection;
        if (c == null) {
            return AdapterHealth.notConnected(problem, reconnects);
        }
        return Health.up().withDetail("messageContent", c.messageContentIntentGranted()).build();
    }

    private static Set<Long> ids(java.util.List<String> ids) {
        return ids.stream().map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
