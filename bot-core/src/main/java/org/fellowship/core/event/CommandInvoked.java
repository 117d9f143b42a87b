package org.fellowship.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;

/**
 * A command, typed as text ("/timezone Europe/Berlin") or invoked natively (a Discord slash command).
 *
 * @param message   the message carrying the command, or {@code null} for native commands without one
 * @param name      command name without slash or {@code @botname}, lower case
 * @param arguments the rest of the line, trimmed ("" when none)
 * @param replyTo       the message the command replies to (e.g. {@code /report}), or {@code null}
 * @param replyToAuthor the author of {@code replyTo}, or {@code null}
 * @param attachments        files sent with the command (a document whose caption is the command); empty for none
 * @param replyToAttachments files of the message the command replies to, where the platform tells; empty for none
 */
public record CommandInvoked(String eventId, Conversation conversation, Member actor, Instant at,
                             MessageRef message, String name, String arguments, MessageRef replyTo,
                             ChatUserId replyToAuthor, List<Attachment> attachments,
                             List<Attachment> replyToAttachments) implements InboundEvent {
    public CommandInvoked {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(name, "name");
        name = name.toLowerCase(Locale.ROOT);
        arguments = arguments == null ? "" : arguments.trim();
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        replyToAttachments = replyToAttachments == null ? List.of() : List.copyOf(replyToAttachments);
    }

    /** A command without files. */
    public CommandInvoked(String eventId, Conversation conversation, Member actor, Instant at, MessageRef message,
                          String name, String arguments, MessageRef replyTo, ChatUserId replyToAuthor) {
        this(eventId, conversation, actor, at, message, name, arguments, replyTo, replyToAuthor, List.of(), List.of());
    }

    /** A command that replies to nothing. */
    public CommandInvoked(String eventId, Conversation conversation, Member actor, Instant at, MessageRef message,
                          String name, String arguments) {
        this(eventId, conversation, actor, at, message, name, arguments, null, null, List.of(), List.of());
    }
}
