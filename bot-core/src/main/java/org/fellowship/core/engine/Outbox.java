package org.fellowship.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundFile;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.PlatformCapabilities;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.text.MessageSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the core sends goes through here: it adapts a message to the platform's capabilities (splitting
 * long text, numbered choices instead of buttons, DMs for private messages with a content-free pointer when a DM
 * is impossible) and hands it to the platform's {@link ChatGateway}. A file rides on the last text chunk when that
 * chunk fits the platform's caption limit, and is sent on its own after the text otherwise; where the platform cannot
 * take it (no files, too large) the text gets the file's fallback (name and link) instead.
 */
public final class Outbox {
    /** Handler name of the stored pending private message behind a start link. */
    static final String PENDING_PRIVATE = "outbox.pending";
    static final Duration CHOICES_TTL = Duration.ofDays(2);
    static final Duration PENDING_TTL = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final char ROW_SEPARATOR = '\n';
    private static final char BUTTON_SEPARATOR = '\t';
    private static final char LABEL_SEPARATOR = '\u001f';

    private final Gateways gateways;
    private final ButtonTokenStore tokens;

    public Outbox(Gateways gateways, ButtonTokenStore tokens) {
        this.gateways = gateways;
        this.tokens = tokens;
    }

    /** The result of a send: where the message went, or why it could not. */
    public record Sent(Optional<MessageRef> first, Optional<GatewayException> failure, boolean redirected) {
        static Sent ok(MessageRef ref, boolean redirected) {
            return new Sent(Optional.of(ref), Optional.empty(), redirected);
        }

        static Sent failed(GatewayException e) {
            return new Sent(Optional.empty(), Optional.of(e), false);
        }

        public boolean delivered() {
            return first.isPresent() && !redirected;
        }
    }

    /**
     * Sends a message, never throwing for platform failures: the result says what happened.
     * {@code groupIsDirect} tells whether {@code message.to()} already is the recipient's private chat.
     */
    public Sent send(OutboundMessage message, boolean toIsDirect) {
        ChatGateway gateway;
        try {
            gateway = gateways.chat(message.to().platform());
        } catch (GatewayException e) {
            return Sent.failed(e);
        }
        if (message.delivery() == Delivery.PRIVATE && !toIsDirect) {
            return sendPrivately(gateway, message);
        }
        try {
            return Sent.ok(deliver(gateway, message), false);
        } catch (GatewayException e) {
            LOG.warn("send to {} failed: {} ({})", message.to(), e.reason(), e.getMessage());
            return Sent.failed(e);
        }
    }

    /** What a start token stood for. */
    public enum PendingStatus { FOUND, SOMEONE_ELSES, UNKNOWN }

    /** A parked private message claimed by a start token. */
    public record Pending(PendingStatus status, Optional<OutboundMessage> message) {
    }

    /**
     * Claims a private message that was parked behind a start link. Only its recipient can claim it (once); anyone
     * else learns only that it is not theirs.
     */
    public Pending takePending(String token, ChatUserId member, ConversationId directChat) {
        Optional<ButtonAction> action = tokens.resolve(token).filter(a -> PENDING_PRIVATE.equals(a.handler()));
        if (action.isEmpty()) {
            return new Pending(PendingStatus.UNKNOWN, Optional.empty());
        }
        ButtonAction a = action.get();
        if (!member.equals(a.allowedUser())) {
            return new Pending(PendingStatus.SOMEONE_ELSES, Optional.empty());
        }
        tokens.revoke(token);
        return new Pending(PendingStatus.FOUND, Optional.of(new OutboundMessage(directChat, a.get("text"), null,
                decodeRows(a.get("buttons")), null, Delivery.PRIVATE, member, null)));
    }

    private Sent sendPrivately(ChatGateway gateway, OutboundMessage message) {
        try {
            ConversationId dm = gateway.openDirect(message.recipient());
            return Sent.ok(deliver(gateway, message.withTo(dm).withReplyTo(null)), false);
        } catch (GatewayException e) {
            if (e.reason() != GatewayException.Reason.DIRECT_MESSAGES_CLOSED) {
                LOG.warn("private send to {} failed: {}", message.recipient(), e.reason());
                return Sent.failed(e);
            }
        }
        // The member has not opened a DM with the bot: leave a pointer in the group that reveals nothing.
        // A parked message is text and buttons only: a file is replaced by its fallback text (name and link).
        String parked = message.file() == null ? message.text()
                : message.text().isBlank() ? message.file().fallbackText()
                : message.text() + "\n\n" + message.file().fallbackText();
        String token = tokens.issue(new ButtonAction(PENDING_PRIVATE,
                Map.of("text", parked, "buttons", encodeRows(message.buttonRows())), message.recipient()),
                PENDING_TTL);
        Optional<String> link = gateway.startLink(token);
        String pointer = link.map(l -> "I have a private reply for you. Open it here: " + l)
                .orElse("I couldn't send you a private message. Please allow direct messages from me, "
                        + "then ask again.");
        OutboundMessage notice = new OutboundMessage(message.to(), pointer, null, List.of(), message.replyTo(),
                Delivery.PUBLIC, message.recipient(), message.priority());
        try {
            return Sent.ok(deliver(gateway, notice), true);
        } catch (GatewayException e) {
            LOG.warn("pointer to private message in {} failed: {}", message.to(), e.reason());
            return Sent.failed(e);
        }
    }

    private MessageRef deliver(ChatGateway gateway, OutboundMessage message) {
        PlatformCapabilities caps = gateway.capabilities();
        OutboundMessage adapted = message;
        if (message.hasButtons() && (!caps.buttons() || !fits(message.buttonRows(), caps))) {
            adapted = numbered(message);
        }
        OutboundFile file = adapted.file();
        if (file != null && (!caps.files() || file.size() > caps.maxFileBytes())) {
            // The chat cannot take this file: say so (with the link, when there is one) instead of failing.
            adapted = adapted.withFile(null).withText(adapted.text().isBlank() ? file.fallbackText()
                    : adapted.text() + "\n\n" + file.fallbackText());
            file = null;
        }
        List<String> chunks = MessageSplitter.split(adapted.text(), caps.maxTextLength());
        // A file rides on the last chunk when that fits as its caption; otherwise it follows on its own.
        boolean fileAlone = file != null && chunks.get(chunks.size() - 1).length() > caps.maxCaptionLength();
        MessageRef first = null;
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            OutboundMessage part = adapted.withText(chunks.get(i)).withButtons(last ? adapted.buttonRows() : List.of())
                    .withFile(last && !fileAlone ? file : null);
            if (i > 0) {
                part = part.withReplyTo(null);
            }
            MessageRef ref = gateway.send(part);
            if (first == null) {
                first = ref;
            }
        }
        if (fileAlone) {
            gateway.send(adapted.withText("").withButtons(List.of()).withReplyTo(null).withFile(file));
        }
        return first;
    }

    private static boolean fits(List<ButtonRow> rows, PlatformCapabilities caps) {
        return rows.size() <= caps.maxButtonRows()
                && rows.stream().allMatch(r -> r.buttons().size() <= caps.maxButtonsPerRow());
    }

    /** Replaces buttons by numbers the member answers by typing (the number shown beside each choice). */
    private OutboundMessage numbered(OutboundMessage message) {
        NumberedChoices choices = NumberedChoices.of(message.allButtons());
        tokens.rememberChoices(message.to(), message.recipient(), choices.entries(), CHOICES_TTL);
        return message.withText(message.text() + choices.prompt()).withButtons(List.of());
    }

    private static String encodeRows(List<ButtonRow> rows) {
        StringBuilder sb = new StringBuilder();
        for (ButtonRow row : rows) {
            if (!sb.isEmpty()) {
                sb.append(ROW_SEPARATOR);
            }
            StringBuilder r = new StringBuilder();
            for (Button b : row.buttons()) {
                if (!r.isEmpty()) {
                    r.append(BUTTON_SEPARATOR);
                }
                r.append(b.label().replace(ROW_SEPARATOR, ' ').replace(BUTTON_SEPARATOR, ' ').replace(LABEL_SEPARATOR, ' '))
                        .append(LABEL_SEPARATOR).append(b.token());
            }
            sb.append(r);
        }
        return sb.toString();
    }

    private static List<ButtonRow> decodeRows(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        List<ButtonRow> rows = new ArrayList<>();
        for (String row : encoded.split(String.valueOf(ROW_SEPARATOR))) {
            List<Button> buttons = new ArrayList<>();
            for (String b : row.split(String.valueOf(BUTTON_SEPARATOR))) {
                int cut = b.lastIndexOf(LABEL_SEPARATOR);
                buttons.add(new Button(b.substring(0, cut), b.substring(cut + 1)));
            }
            rows.add(new ButtonRow(buttons));
        }
        return rows;
    }
}
