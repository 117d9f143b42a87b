package org.fellowship.core.outbound;

import java.util.List;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;

/**
 * A message the core wants delivered.
 *
 * @param to         target conversation (for {@link Delivery#PRIVATE} in a group: the group the member is in)
 * @param text       plain text, any length (the core splits it to the platform's limit before it reaches a gateway)
 * @param style      rendering hint
 * @param buttonRows buttons under the message; empty for none
 * @param replyTo    the message this answers, or {@code null}
 * @param delivery   public or private
 * @param recipient  the member a private message is for (and whose button presses count); {@code null} for public
 *                   messages addressed to nobody in particular
 * @param priority   rate-limit priority
 * @param file       a file sent with the message ({@code text} is then its caption), or {@code null}; the outbox
 *                   sends its {@link OutboundFile#fallbackText()} instead where the platform cannot take it
 */
public record OutboundMessage(ConversationId to, String text, TextStyle style, List<ButtonRow> buttonRows,
                              MessageRef replyTo, Delivery delivery, ChatUserId recipient, Priority priority,
                              OutboundFile file) {
    public OutboundMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        style = style == null ? TextStyle.PLAIN : style;
        buttonRows = buttonRows == null ? List.of() : List.copyOf(buttonRows);
        delivery = delivery == null ? Delivery.PUBLIC : delivery;
        priority = priority == null ? Priority.NORMAL : priority;
        if (delivery == Delivery.PRIVATE && recipient == null) {
            throw new IllegalArgumentException("a private message needs a recipient");
        }
    }

    /** A message without a file. */
    public OutboundMessage(ConversationId to, String text, TextStyle style, List<ButtonRow> buttonRows,
                           MessageRef replyTo, Delivery delivery, ChatUserId recipient, Priority priority) {
        this(to, text, style, buttonRows, replyTo, delivery, recipient, priority, null);
    }

    /** A plain public message. */
    public static OutboundMessage text(ConversationId to, String text) {
        return new OutboundMessage(to, text, TextStyle.PLAIN, List.of(), null, Delivery.PUBLIC, null, Priority.NORMAL);
    }

    public OutboundMessage withText(String newText) {
        return new OutboundMessage(to, newText, style, buttonRows, replyTo, delivery, recipient, priority, file);
    }

    public OutboundMessage withButtons(List<ButtonRow> rows) {
        return new OutboundMessage(to, text, style, rows, replyTo, delivery, recipient, priority, file);
    }

    public OutboundMessage withTo(ConversationId target) {
        return new OutboundMessage(target, text, style, buttonRows, replyTo, delivery, recipient, priority, file);
    }

    public OutboundMessage withReplyTo(MessageRef ref) {
        return new OutboundMessage(to, text, style, buttonRows, ref, delivery, recipient, priority, file);
    }

    /** The same message with this file ({@code null}: none). */
    public OutboundMessage withFile(OutboundFile value) {
        return new OutboundMessage(to, text, style, buttonRows, replyTo, delivery, recipient, priority, value);
    }

    public boolean hasFile() {
        return file != null;
    }

    public boolean hasButtons() {
        return !buttonRows.isEmpty();
    }

    public List<Button> allButtons() {
        return buttonRows.stream().flatMap(r -> r.buttons().stream()).toList();
    }
}
