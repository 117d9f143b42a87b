package org.fellowship.telegram;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.fellowship.core.port.CommandMenuEntry;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.InboundEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram adapter assembled, for the app. Two phases, because the core needs the gateway before it exists as a
 * sink:
 * <ol>
 *   <li>{@code new TelegramAdapter(...)} builds the {@link #gateway()}; register it with the core's {@code Gateways}
 *       as both chat and admin gateway.</li>
 *   <li>Once the engine (the {@link InboundEventSink}) exists, call {@link #startPolling} <em>or</em>
 *       {@link #startWebhook}: both call {@code getMe}, publish the command menu and begin receiving.</li>
 * </ol>
 * At shutdown {@link #stopReceiving()} first (stop intake), then, once the engine has drained, {@link #close()}
 * (releases all HTTP threads).
 *
 * <p><b>Threading:</b> start and close are synchronized; the gateway and webhook are thread-safe. <b>Nullness:</b> no
 * argument may be {@code null}. <b>Failure:</b> start throws {@link GatewayException} when Telegram cannot be reached
 * or rejects the token; a failing command-menu upload is only logged.
 */
public final class TelegramAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramAdapter.class);

    private final TelegramConfig config;
    private final KnownPrivateChats privateChats;
    private final ChatMigrationListener migrations;
    private final Clock clock;
    private final TelegramGateway gateway;
    private TelegramLongPolling polling;
    private TelegramWebhook webhook;

    /**
     * @param config       token, API URL, timeouts
     * @param privateChats who started the bot ({@link InMemoryKnownPrivateChats} or a shared store)
     * @param permits      outbound rate limits ({@link TelegramRateLimiter}, as the app wires it, or
     *                     {@link SendPermits#NONE})
     * @param migrations   told when a group becomes a supergroup with a new id
     * @param clock        time source
     */
    public TelegramAdapter(TelegramConfig config, KnownPrivateChats privateChats, SendPermits permits,
                           ChatMigrationListener migrations, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.privateChats = Objects.requireNonNull(privateChats, "privateChats");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gateway = new TelegramGateway(config, privateChats, permits, migrations, clock);
    }

    /** The chat and group-admin gateway for the core. */
    public TelegramGateway gateway() {
        return gateway;
    }

    /** Learns the bot identity, publishes the command menu and starts long polling into {@code sink}. */
    public synchronized void startPolling(InboundEventSink sink, List<CommandMenuEntry> commands) {
        requireNotStarted();
        TelegramUpdateDispatcher dispatcher = prepare(sink, commands);
        polling = new TelegramLongPolling(config, dispatcher);
        polling.start();
    }

    /**
     * Learns the bot identity and publishes the command menu, then returns the webhook handler for the app's web
     * layer. Register the webhook with {@link #registerWebhook} (same secret) if it is not registered yet.
     */
    public synchronized TelegramWebhook startWebhook(String secretToken, InboundEventSink sink,
                                                     List<CommandMenuEntry> commands) {
        requireNotStarted();
        webhook = new TelegramWebhook(secretToken, prepare(sink, commands));
        return webhook;
    }

    /**
     * Tells Telegram to deliver updates to {@code publicHttpsUrl} with {@code secretToken} in the secret header and
     * only {@link TelegramLongPolling#ALLOWED_UPDATES}. Call once per deployment (or at every start in webhook mode);
     * the URL is not logged.
     */
    public void registerWebhook(String publicHttpsUrl, String secretToken) {
        Objects.requireNonNull(publicHttpsUrl, "publicHttpsUrl");
        Objects.requireNonNull(secretToken, "secretToken");
        gateway.setWebhook(publicHttpsUrl, secretToken);
    }

    private TelegramUpdateDispatcher prepare(InboundEventSink sink, List<CommandMenuEntry> commands) {
        BotIdentity me = gateway.refreshIdentity();
        if (!me.canReadAllGroupMessages()) {
            LOG.warn("telegram privacy mode is on: the bot sees only commands and replies in groups "
                    + "(turn it off in BotFather or make the bot an admin for moderation)");
        }
        try {
            new TelegramCommandMenu(gateway).publish(commands);
        } catch (GatewayException e) {
            LOG.warn("telegram command menu not published: {}", e.reason());
        }
        TelegramUpdateMapper mapper = new TelegramUpdateMapper(me.username(), gateway, clock);
        return new TelegramUpdateDispatcher(mapper, sink, privateChats, migrations, gateway::invalidateModerators);
    }

    /** How many long-polling calls in a row have failed (0 while polling works, or in webhook mode). */
    public synchronized int failedPollsInARow() {
        return polling == null ? 0 : polling.failedPollsInARow();
    }

    private void requireNotStarted() {
        if (polling != null || webhook != null) {
            throw new IllegalStateException("the Telegram adapter is already receiving");
        }
    }

    /**
     * Stops receiving (long polling ends; the webhook handler is dropped) but keeps the gateway sending, so replies to
     * updates already taken can still go out while the engine drains. Idempotent; {@link #close()} finishes the job.
     */
    public synchronized void stopReceiving() {
        if (polling != null) {
            polling.close();
        }
        webhook = null;
    }

    /** Stops receiving and releases every thread and connection, the sending ones too. Idempotent. */
    @Override
    public synchronized void close() {
        stopReceiving();
        gateway.close();
    }
}
