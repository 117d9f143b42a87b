package org.fellowship.core.mentor;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.MemberProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the chain reaches people and what it asks the platform: urgent messages (every one the chain sends skips the
 * queue), alert buttons, who can read a chat and who moderates a group (asked now, never cached, since both change),
 * and a member's time zone and language from their profile.
 */
final class AlertMessenger {
    private static final Logger LOG = LoggerFactory.getLogger(AlertMessenger.class);

    private final BotContext context;

    AlertMessenger(BotContext context) {
        this.context = context;
    }

    /** An urgent private message to one person, with buttons or none. */
    void dm(ChatUserId to, String text, List<ButtonRow> buttons) {
        send(Conversation.direct(to).id(), text, buttons, Delivery.PRIVATE, to);
    }

    /** An urgent message; {@code true} when the platform took it. */
    boolean send(ConversationId to, String text, List<ButtonRow> buttons, Delivery delivery, ChatUserId recipient) {
        return context.outbox().send(new OutboundMessage(to, text, TextStyle.PLAIN, buttons, null, delivery, recipient,
                Priority.URGENT), true).delivered();
    }

    /**
     * An alert button only {@code presser} can use ({@code null}: anyone who reads the chat, for the moderators'
     * channel; who presses is checked at press time).
     */
    Button button(ChatUserId presser, String label, String alertId, String action) {
        String token = context.buttons().issue(new ButtonAction(AlertButtons.ALERT_BUTTON,
                Map.of("alert", alertId, "do", action), presser), context.settings().buttonTtl());
        return new Button(label, token);
    }

    /** Who can read {@code chat}, asked from the platform now; empty when it cannot tell. */
    Optional<ChatAudience> audienceOf(ConversationId chat) {
        Optional<GroupAdminGateway> admin = context.gateways().admin(chat.platform());
        if (admin.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(admin.get().audience(chat));
        } catch (GatewayException e) {
            LOG.warn("who can read chat {} unknown: {}", chat, e.reason());
            return Optional.empty();
        }
    }

    /** The moderators of {@code group} as the platform lists them now; empty when it cannot tell. */
    Optional<Set<ChatUserId>> moderatorsOfGroup(ConversationId group) {
        Optional<GroupAdminGateway> admin = context.gateways().admin(group.platform());
        if (admin.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(admin.get().moderators(group));
        } catch (GatewayException e) {
            LOG.warn("moderator list of {} unavailable: {}", group, e.reason());
            return Optional.empty();
        }
    }

    /** A member's own time zone from their profile; UTC when they set none. */
    ZoneId zoneOf(ChatUserId id) {
        return context.profiles().find(id).map(p -> p.zoneOr(ZoneOffset.UTC)).orElse(ZoneOffset.UTC);
    }

    /** The language a member set in their profile, or the default language. */
    String languageOf(ChatUserId member) {
        return context.profiles().find(member).map(p -> p.language()).orElse(MemberProfile.DEFAULT_LANGUAGE);
    }
}
