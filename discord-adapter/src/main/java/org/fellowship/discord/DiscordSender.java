package org.fellowship.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.javacord.api.entity.channel.PrivateChannel;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.user.User;

/**
 * Sending for {@link DiscordGateway}: a reply to a live interaction answers it ({@link DiscordInteractions}), anything
 * else goes to its channel ({@link ChannelTransport}). A {@link Delivery#PRIVATE} message is never posted visibly in a
 * guild channel: it goes ephemerally to a live interaction, or by DM. A member whose DMs refused the bot is remembered
 * for {@link #CLOSED_DM_MEMORY}, so later sends fail fast with {@code DIRECT_MESSAGES_CLOSED}.
 *
 * <p><b>Threading:</b> thread-safe; blocks at most the request timeout per Discord request.
 */
final class DiscordSender {
    private static final Duration CLOSED_DM_MEMORY = Duration.ofMinutes(10);

    private final DiscordChannels channels;
    private final DiscordInteractions interactions;
    private final ChannelTransport transport;
    private final DiscordRenderer renderer = new DiscordRenderer();
    private final Clock clock;
    private final long timeoutMillis;
    private final Map<ChatUserId, Instant> closedDirectMessages = new ConcurrentHashMap<>();

    DiscordSender(DiscordChannels channels, DiscordInteractions interactions, ChannelTransport transport, Clock clock,
                  long timeoutMillis) {
        this.channels = channels;
        this.interactions = interactions;
        this.transport = transport;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    MessageRef send(OutboundMessage message) {
        RenderedMessage rendered = renderer.render(message, false);
        TextChannel channel = channels.textChannel(message.to(), "send");
        boolean direct = channel instanceof PrivateChannel;
        PendingInteraction pending = message.recipient() == null ? null
                : interactions.live(message.to(), message.recipient());
        if (message.delivery() == Delivery.PRIVATE && !direct) {
            if (pending != null) {
                return interactions.respond(pending, rendered.asEphemeral(), message.to());
            }
            ConversationId dm = openDirect(message.recipient());
            return send(message.withTo(dm).withReplyTo(null));
        }
        if (pending != null && pending.slash()) {
            return interactions.respond(pending, rendered, message.to());
        }
        if (direct && message.recipient() != null && closedDirectMessages.containsKey(message.recipient())) {
            throw closedDm(message.recipient());
        }
        long id;
        try {
            id = DiscordFailures.await(transport.send(channel, rendered), "send message", timeoutMillis);
        } catch (GatewayException e) {
            if (e.reason() == Reason.DIRECT_MESSAGES_CLOSED && message.recipient() != null) {
                closedDirectMessages.put(message.recipient(), clock.instant());
            }
            throw e;
        }
        if (direct && message.recipient() != null) {
            interactions.pointToDirectMessage(message.recipient(), message.to());
        }
        return new MessageRef(message.to(), Long.toUnsignedString(id));
    }

    void edit(MessageRef target, OutboundMessage replacement) {
        RenderedMessage rendered = renderer.render(replacement, false);
        TextChannel channel = channels.textChannel(target.conversation(), "edit");
        DiscordFailures.await(transport.edit(channel, DiscordIds.snowflake(target.messageId(), "message id"),
                rendered), "edit message", timeoutMillis);
    }

    ConversationId openDirect(ChatUserId member) {
        DiscordIds.requireDiscord(member.platform());
        if (closedDirectMessages.containsKey(member)) {
            throw closedDm(member);
        }
        long userId = DiscordIds.snowflake(member.value(), "user id");
        User user = DiscordFailures.await(channels.primary().getUserById(userId), "find member for direct message",
                timeoutMillis);
        PrivateChannel channel = DiscordFailures.await(user.openPrivateChannel(), "open direct message",
                timeoutMillis);
        return DiscordIds.conversationId(channel.getId());
    }

    /** Forgets refused DMs older than the memory, so a member who opened their DMs again is tried again. */
    void forgetOldClosedDirectMessages() {
        Instant cutoff = clock.instant().minus(CLOSED_DM_MEMORY);
        closedDirectMessages.values().removeIf(at -> at.isBefore(cutoff));
    }

    private static GatewayException closedDm(ChatUserId member) {
        return new GatewayException(Reason.DIRECT_MESSAGES_CLOSED, "open direct message: member " + member
                + " does not accept direct messages from the bot (their privacy settings for this server)");
    }
}
