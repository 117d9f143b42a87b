package org.fellowship.discord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.port.CommandMenuEntry;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.InboundEventSink;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.intent.Intent;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord connection: logs in with the intents the bot needs, registers slash commands, maps every inbound
 * Javacord event with {@link DiscordMapper} and hands it to the core's {@link InboundEventSink}, and owns the
 * {@link DiscordGateway} the core sends through.
 *
 * <p>Intents: {@code GUILDS}, {@code GUILD_MESSAGES}, {@code DIRECT_MESSAGES}, {@code GUILD_MEMBERS} (privileged:
 * join/leave, member lists for {@code moderators()}), and {@code MESSAGE_CONTENT} (privileged) when
 * {@link DiscordSettings#requestMessageContent()}. When Discord refuses the Message Content intent (not enabled in
 * the developer portal) the connection logs in again without it and reports
 * {@code readAllGroupMessages=false}, so moderation can tell moderators it cannot read messages.
 *
 * <p><b>Threading:</b> Javacord delivers events on its own threads; listeners only map and call the sink (which
 * queues), plus the non-blocking interaction deferral. {@link #close()} is idempotent. <b>Nullness:</b> no
 * {@code null} arguments. <b>Failure:</b> {@link #connect} throws {@link GatewayException} {@code UNAVAILABLE} when
 * login fails (bad token, network, or even the intents without Message Content refused); a listener
 * never throws into Javacord (mapping errors are logged by event id). The token is never logged.
 */
public final class DiscordConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordConnection.class);
    private static final long LOGIN_TIMEOUT_SECONDS = 60;

    private final List<DiscordApi> shards;
    private final DiscordGateway gateway;
    private final DiscordMapper mapper;
    private final InboundEventSink sink;
    private final Clock clock;
    private final boolean messageContent;
    private volatile boolean closed;
    private volatile boolean receiving = true;

    DiscordConnection(List<DiscordApi> shards, DiscordGateway gateway, DiscordMapper mapper, InboundEventSink sink,
                      Clock clock, boolean messageContent) {
        this.shards = List.copyOf(shards);
        this.gateway = gateway;
        this.mapper = mapper;
        this.sink = sink;
        this.clock = clock;
        this.messageContent = messageContent;
        this.shards.forEach(this::listen);
    }

    /**
     * Logs in, detects the Message Content intent, registers slash commands and starts delivering events.
     *
     * @param token    the bot token (from the environment; never logged)
     * @param settings adapter settings
     * @param sink     the core engine
     * @param commands the core's commands (e.g. {@code botCore.commands().menu()}) to publish as slash commands
     */
    public static DiscordConnection connect(String token, DiscordSettings settings, InboundEventSink sink,
                                            List<CommandMenuEntry> commands) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the Discord bot token is blank");
        }
        boolean messageContent = settings.requestMessageContent();
        List<DiscordApi> shards;
        try {
            shards = login(token, settings, messageContent);
        } catch (GatewayException e) {
            if (!messageContent) {
                throw e;
            }
            LOG.warn("Discord login with the Message Content intent failed ({}); retrying without it. Enable "
                    + "'Message Content Intent' in the developer portal to let moderation read messages", e.reason());
            messageContent = false;
            shards = login(token, settings, false);
        }
        LOG.info("Discord connected: {} shard(s), message content intent {}", shards.size(),
                messageContent ? "granted" : "not granted");
        DiscordMapper mapper = new DiscordMapper(settings, DiscordSlashCommands.declaredOptions(commands));
        DiscordGateway gateway = new DiscordGateway(shards, settings, messageContent);
        DiscordConnection connection = new DiscordConnection(shards, gateway, mapper, sink, Clock.systemUTC(),
                messageContent);
        try {
            int n = new DiscordSlashCommands(shards.get(0), settings).register(commands);
            LOG.info("registered {} slash commands ({})", n, settings.commandGuildId() == null ? "global" : "guild");
        } catch (GatewayException e) {
            LOG.warn("slash command registration failed ({}): {}; text commands still work", e.reason(),
                    e.getMessage());
        }
        return connection;
    }

    /** The gateway to register with the core ({@code Gateways.register(chat)} and {@code register(admin)}). */
    public DiscordGateway gateway() {
        return gateway;
    }

    public boolean messageContentIntentGranted() {
        return messageContent;
    }

    /**
     * Stops handing events to the core but keeps every shard connected, so the gateway can still send the replies
     * the core owes while it drains at shutdown. Idempotent; {@link #close()} disconnects.
     */
    public void stopReceiving() {
        receiving = false;
    }

    /** Disconnects every shard and stops the gateway's scheduler; waits up to 10 s per shard. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        receiving = false;
        gateway.close();
        for (DiscordApi api : shards) {
            try {
                api.disconnect().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("Discord shard {} did not disconnect cleanly: {}", api.getCurrentShard(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private static List<DiscordApi> login(String token, DiscordSettings settings, boolean messageContent) {
        List<Intent> intents = new ArrayList<>(List.of(Intent.GUILDS, Intent.GUILD_MESSAGES, Intent.DIRECT_MESSAGES,
                Intent.GUILD_MEMBERS));
        if (messageContent) {
            intents.add(Intent.MESSAGE_CONTENT);
        }
        DiscordApiBuilder builder = new DiscordApiBuilder().setToken(token).setIntents(intents.toArray(Intent[]::new));
        List<DiscordApi> shards = new ArrayList<>();
        try {
            if (settings.totalShards() > 1) {
                builder.setTotalShards(settings.totalShards());
                for (var future : builder.loginAllShards()) {
                    shards.add(future.get(LOGIN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
                }
            } else {
                shards.add(builder.login().get(LOGIN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return shards;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shards.forEach(DiscordApi::disconnect);
            throw new GatewayException(GatewayException.Reason.UNAVAILABLE, "Discord login interrupted", e);
        } catch (Exception e) {
            shards.forEach(DiscordApi::disconnect);
            throw new GatewayException(GatewayException.Reason.UNAVAILABLE, "Discord login failed ("
                    + e.getClass().getSimpleName() + "): check the token and the intents enabled in the developer "
                    + "portal", e);
        }
    }

    private void listen(DiscordApi api) {
        api.addMessageCreateListener(e -> deliver("message", () -> mapper.messageCreated(e.getMessage()).orElse(null)));
        api.addMessageEditListener(e -> deliver("edit", () -> mapper.messageEdited(e.getMessage()).orElse(null)));
        api.addServerMemberJoinListener(e -> deliver("join",
                () -> mapper.memberJoined(e.getServer(), e.getUser(),
                        e.getServer().getJoinedAtTimestamp(e.getUser()).orElseGet(clock::instant))));
        api.addServerMemberLeaveListener(e -> deliver("leave",
                () -> mapper.memberLeft(e.getServer(), e.getUser(), clock.instant())));
        api.addSlashCommandCreateListener(e -> onSlashCommand(e.getSlashCommandInteraction()));
        api.addButtonClickListener(e -> onButton(e.getButtonInteraction()));
    }

    /** Maps a slash command, defers it (3-second window) and hands it to the core. */
    void onSlashCommand(SlashCommandInteraction interaction) {
        deliver("slash command", () -> mapper.slashCommand(interaction, clock.instant()).map(event -> {
            gateway.beginCommand(interaction, event);
            return event;
        }).orElse(null));
    }

    /** Maps a button press, schedules its acknowledgement and hands it to the core. */
    void onButton(ButtonInteraction interaction) {
        deliver("button", () -> mapper.buttonPressed(interaction, clock.instant()).map(event -> {
            gateway.beginButton(interaction, event);
            return event;
        }).orElse(null));
    }

    /** Test hook: a message create event as Javacord would deliver it. */
    void deliverForTest(org.javacord.api.entity.message.Message message) {
        deliver("message", () -> mapper.messageCreated(message).orElse(null));
    }

    private void deliver(String kind, java.util.function.Supplier<InboundEvent> mapping) {
        if (!receiving) {
            return;
        }
        InboundEvent event;
        try {
            event = mapping.get();
        } catch (RuntimeException e) {
            LOG.warn("could not map a Discord {} event: {}", kind, e.getClass().getSimpleName());
            return;
        }
        if (event == null) {
            return;
        }
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("the core refused Discord event {}: {}", event.dedupeKey(), e.getClass().getSimpleName());
        }
    }
}
