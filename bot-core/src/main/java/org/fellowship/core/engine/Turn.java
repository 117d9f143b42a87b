package org.fellowship.core.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.Access;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.MemberProfile;

/**
 * One inbound event being handled: who, where, when, and the ways to answer. Not thread-safe; lives for the
 * handling of one event.
 */
public final class Turn {
    private final InboundEvent event;
    private final Conversation conversation;
    private final BotContext context;
    private final Instant now;
    private MemberProfile profile;
    private int sent;
    private boolean flagged;
    private SafetyScreen screen = SafetyScreen.NONE;

    /** A turn in the conversation as the event reports it. */
    Turn(InboundEvent event, BotContext context) {
        this(event, event.conversation(), context, null);
    }

    /**
     * @param conversation the event's conversation with its community's current id
     * @param stored       the actor's stored profile when the engine already read it, or {@code null}
     */
    Turn(InboundEvent event, Conversation conversation, BotContext context, Optional<MemberProfile> stored) {
        this.event = event;
        this.conversation = conversation;
        this.context = context;
        this.now = context.clock().instant();
        if (stored != null) {
            this.profile = stored.orElseGet(() -> MemberProfile.fresh(event.actor().id()));
        }
    }

    public InboundEvent event() {
        return event;
    }

    public Member actor() {
        return event.actor();
    }

    /** Where the event happened; its community is the community's current id, even for an event from before it moved. */
    public Conversation conversation() {
        return conversation;
    }

    /** The engine clock's time when handling started. */
    public Instant now() {
        return now;
    }

    public BotContext context() {
        return context;
    }

    /** The message that triggered this turn, if there was one. */
    public MessageRef triggeringMessage() {
        if (event instanceof MessageReceived m) {
            return m.message();
        }
        if (event instanceof CommandInvoked c) {
            return c.message();
        }
        return null;
    }

    /**
     * The files this turn is about: those sent with the message or command, or, when it carries none, those of the
     * message it replies to. Empty for other events.
     */
    public List<Attachment> attachments() {
        List<Attachment> own = List.of();
        List<Attachment> replied = List.of();
        if (event instanceof MessageReceived m) {
            own = m.attachments();
            replied = m.replyToAttachments();
        } else if (event instanceof CommandInvoked c) {
            own = c.attachments();
            replied = c.replyToAttachments();
        }
        return own.isEmpty() ? replied : own;
    }

    /** The actor's profile (loaded once per turn; a fresh one if they have none yet). */
    public MemberProfile profile() {
        if (profile == null) {
            profile = context.profiles().find(actor().id()).orElseGet(() -> MemberProfile.fresh(actor().id()));
        }
        return profile;
    }

    public void saveProfile(MemberProfile updated) {
        context.profiles().save(updated);
        profile = updated;
    }

    /** The actor's zone, or the bot's default zone. */
    public ZoneId zone() {
        return profile().zoneOr(context.settings().defaultZone());
    }

    /**
     * Whether the actor may run what needs {@code access}: for moderators, the platform's moderator flag on this event
     * (the adapter asks the platform's admin list, through a short cache, as it maps the event).
     */
    boolean may(Access access) {
        return access != Access.MODERATOR || actor().moderator();
    }

    /** Answers in the same conversation, visible to everyone there. */
    public Outbox.Sent reply(String text) {
        return reply(text, List.of());
    }

    public Outbox.Sent reply(String text, List<ButtonRow> buttons) {
        return send(new OutboundMessage(conversation().id(), text, TextStyle.PLAIN, buttons, triggeringMessage(),
                Delivery.PUBLIC, actor().id(), Priority.NORMAL));
    }

    /** Answers the actor only: in the direct chat, or privately when the event came from a group. */
    public Outbox.Sent replyPrivately(String text) {
        return replyPrivately(text, List.of());
    }

    public Outbox.Sent replyPrivately(String text, List<ButtonRow> buttons) {
        return send(new OutboundMessage(conversation().id(), text, TextStyle.PLAIN, buttons,
                conversation().isDirect() ? triggeringMessage() : null, Delivery.PRIVATE, actor().id(),
                Priority.NORMAL));
    }

    /** Sends anything; {@code message.to()} equal to this conversation counts as direct when this chat is. */
    public Outbox.Sent send(OutboundMessage message) {
        boolean direct = conversation().isDirect() && message.to().equals(conversation().id());
        sent++;
        return context.outbox().send(message, direct);
    }

    /** Whether anything was sent in answer to this event so far. */
    public boolean answered() {
        return sent > 0;
    }

    /** Whether the safety screen read this event's text as a crisis (features must then not treat it as routine). */
    public boolean flagged() {
        return flagged;
    }

    void markFlagged() {
        this.flagged = true;
    }

    void secondLook(SafetyScreen safetyScreen) {
        this.screen = safetyScreen;
    }

    /**
     * Moderation calls this before it deletes, mutes or warns: {@code true} when the message is flagged, or a closer
     * look (the semantic stage, read now rather than in the background) reads it as a crisis, which is then handled
     * as one. A crisis message is never punished.
     */
    public boolean crisisOnSecondLook(String text) {
        if (!flagged && screen.secondLook(this, text)) {
            flagged = true;
        }
        return flagged;
    }

    /**
     * Moderation calls this before it punishes a message automatically: what the safety screen reads in the text when
     * it is a relapse share, relapse danger or a craving (such a message is held for a moderator instead), else empty.
     */
    public Optional<RecoveryDisclosure> recoveryDisclosure(String text) {
        return screen.recoveryDisclosure(this, text);
    }

    /** A button only the actor can press, running {@code handler} with {@code data}. */
    public Button button(String label, String handler, Map<String, String> data) {
        String token = context.buttons().issue(new ButtonAction(handler, data, actor().id()),
                context.settings().buttonTtl());
        return new Button(label, token);
    }
}
