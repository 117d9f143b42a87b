package org.fellowship.discord;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.port.PlatformCapabilities;
import org.javacord.api.DiscordApi;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageComponentInteractionBase;

/**
 * The core's {@link ChatGateway} and {@link GroupAdminGateway} for Discord, over a connected Javacord
 * {@link DiscordApi}. It only delegates: sending to {@link DiscordSender}, slash commands and button presses to
 * {@link DiscordInteractions}, downloads to {@link DiscordFiles}, moderation to {@link DiscordGroupAdmin} and
 * {@link #audience} to {@link DiscordChannelAudience}.
 *
 * <p><b>Interactions.</b> A slash command is deferred the moment it arrives ({@link #beginCommand}), so Discord's
 * 3-second window is always met however long the core takes; the core's first reply to that member in that channel
 * (within {@link DiscordSettings#interactionWindow()}) fills the deferred response, later ones become follow-ups.
 * A private reply inside a guild becomes an ephemeral follow-up; when the core sends it by DM instead, the pending
 * response is replaced by an ephemeral "check your DMs" note. A button press is acknowledged by the core through
 * {@link #acknowledge}; if the core has not done so after two seconds, the gateway acknowledges it itself (deferred
 * update), and a later notice is sent as an ephemeral follow-up.
 *
 * <p><b>Privacy:</b> a {@link Delivery#PRIVATE} message is never posted visibly in a guild channel: it goes
 * ephemerally to a live interaction, or by DM.
 *
 * <p><b>Threading:</b> thread-safe, and no lock is held across a network call; every call blocks at most
 * {@link DiscordSettings#requestTimeout()} per Discord request. One daemon scheduler thread runs automatic
 * acknowledgements; {@link #close()} stops it. <b>Nullness:</b> as the ports say; nothing returns {@code null}.
 * <b>Failure:</b> every refusal is a {@link GatewayException} (see {@link DiscordFailures}): Missing Permissions and
 * role hierarchy are {@code FORBIDDEN}, closed DMs {@code DIRECT_MESSAGES_CLOSED}, unknown members/messages
 * {@code NOT_FOUND}, timeouts over 28 days {@code INVALID}, moderation in a DM {@code UNSUPPORTED}. Nothing is
 * swallowed, except the cosmetic "check your DMs" note, whose failure is logged by reason.
 */
public final class DiscordGateway implements ChatGateway, GroupAdminGateway, AutoCloseable {
    private final DiscordInteractions interactions;
    private final DiscordSender sender;
    private final DiscordFiles files;
    private final DiscordGroupAdmin groupAdmin;
    private final DiscordChannelAudience audience;
    private volatile boolean messageContent;

    /**
     * @param shards                      logged-in Javacord clients, one per shard this process runs (owned by the
     *                                    caller, {@link DiscordConnection}); lookups try each shard's cache
     * @param settings                    roles, timeouts, interaction window
     * @param messageContentIntentGranted whether the bot can read all guild messages
     */
    DiscordGateway(List<DiscordApi> shards, DiscordSettings settings, boolean messageContentIntentGranted) {
        this(shards, settings, messageContentIntentGranted, new JavacordChannelTransport(), Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "discord-interactions");
                    t.setDaemon(true);
                    return t;
                }));
    }

    DiscordGateway(List<DiscordApi> shards, DiscordSettings settings, boolean messageContentIntentGranted,
                   ChannelTransport transport, Clock clock, ScheduledExecutorService scheduler) {
        DiscordChannels channels = new DiscordChannels(shards);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        long timeoutMillis = settings.requestTimeout().toMillis();
        DiscordRoles roles = new DiscordRoles(settings);
        this.interactions = new DiscordInteractions(settings, clock, scheduler);
        this.sender = new DiscordSender(channels, interactions, transport, clock, timeoutMillis);
        this.files = new DiscordFiles(channels, interactions, transport, timeoutMillis);
        this.groupAdmin = new DiscordGroupAdmin(channels, roles, transport, clock, timeoutMillis);
        this.audience = new DiscordChannelAudience(channels, roles);
        this.messageContent = messageContentIntentGranted;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public PlatformCapabilities capabilities() {
        return PlatformCapabilities.discord(messageContent);
    }

    /** Updates what {@link #capabilities()} reports (after a reconnect with different intents). */
    void messageContentIntentGranted(boolean granted) {
        this.messageContent = granted;
    }

    // ---------------------------------------------------------------- interactions (called by the connection)

    /** Defers a slash command right away and remembers it so the core's reply answers it. Never blocks. */
    void beginCommand(InteractionBase interaction, CommandInvoked event) {
        sender.forgetOldClosedDirectMessages();
        interactions.beginCommand(interaction, event);
    }

    /** Remembers a button interaction and schedules its automatic acknowledgement. Never blocks. */
    void beginButton(MessageComponentInteractionBase interaction, ButtonPressed event) {
        sender.forgetOldClosedDirectMessages();
        interactions.beginButton(interaction, event);
    }

    // ---------------------------------------------------------------- ChatGateway

    @Override
    public MessageRef send(OutboundMessage message) {
        return sender.send(message);
    }

    @Override
    public void edit(MessageRef target, OutboundMessage replacement) {
        sender.edit(target, replacement);
    }

    @Override
    public void acknowledge(ButtonPressed press, String notice) {
        interactions.acknowledge(press, notice);
    }

    @Override
    public ConversationId openDirect(ChatUserId member) {
        return sender.openDirect(member);
    }

    /** Discord has no deep link that hands a start token to a bot. */
    @Override
    public Optional<String> startLink(String startToken) {
        return Optional.empty();
    }

    /** {@code https://discord.com/channels/<server>/<channel>/<message>}; empty for direct messages. */
    @Override
    public Optional<String> messageLink(Conversation where, MessageRef message) {
        if (where.isDirect() || where.community() == null) {
            return Optional.empty();
        }
        return Optional.of("https://discord.com/channels/" + where.community().value() + "/"
                + message.conversation().value() + "/" + message.messageId());
    }

    /**
     * Downloads a member's attachment, looked up again through Javacord (a message's attachment, or a file sent with a
     * pending slash command), checked against {@code maxBytes} by Discord's reported size and by what arrived.
     */
    @Override
    public byte[] download(Attachment attachment, long maxBytes) {
        return files.download(attachment, maxBytes);
    }

    // ---------------------------------------------------------------- GroupAdminGateway

    @Override
    public void delete(MessageRef message) {
        groupAdmin.delete(message);
    }

    @Override
    public void mute(ConversationId group, ChatUserId member, Instant until) {
        groupAdmin.mute(group, member, until);
    }

    @Override
    public void unmute(ConversationId group, ChatUserId member) {
        groupAdmin.unmute(group, member);
    }

    @Override
    public void kick(ConversationId group, ChatUserId member) {
        groupAdmin.kick(group, member);
    }

    @Override
    public void ban(ConversationId group, ChatUserId member) {
        groupAdmin.ban(group, member);
    }

    @Override
    public void unban(ConversationId group, ChatUserId member) {
        groupAdmin.unban(group, member);
    }

    /** The channel's slowmode: whole seconds from 0 (off) to 6 hours; needs Manage Channels. */
    @Override
    public void slowmode(ConversationId chat, java.time.Duration interval) {
        groupAdmin.slowmode(chat, interval);
    }

    /**
     * Only moderators read a channel (a thread: its parent channel) when, after the channel's permission overwrites,
     * neither {@code @everyone} nor any role without moderation rights can view it, and no member who is not a
     * moderator has an overwrite of their own that lets them view it. The bot itself and a role held only by the bot
     * (its integration role) do not count. Read from Javacord's cache (needs the GUILD_MEMBERS intent).
     */
    @Override
    public ChatAudience audience(ConversationId chat) {
        return audience.audience(chat);
    }

    /** The server nickname, else the display name, from Javacord's member cache (needs GUILD_MEMBERS); never logged. */
    @Override
    public Optional<String> memberName(ConversationId group, ChatUserId member) {
        return groupAdmin.memberName(group, member);
    }

    /** Members with Manage Messages, Moderate Members, Administrator or a moderator role (needs GUILD_MEMBERS). */
    @Override
    public Set<ChatUserId> moderators(ConversationId group) {
        return groupAdmin.moderators(group);
    }

    /** Stops the acknowledgement scheduler; the {@link DiscordApi} belongs to the caller. */
    @Override
    public void close() {
        interactions.close();
    }
}
