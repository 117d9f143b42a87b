package org.fellowship.core.event;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
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
 */
public record CommandInvoked(String eventId, Conversation conversation, Member actor, Instant at,
                             MessageRef message, String name, String arguments, MessageRef replyTo,
                             ChatUserId replyToAuthor) implements InboundEvent {
    public CommandInvoked {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(name, "name");
        name = name.toLowerCase(Locale.ROOT);
        arguments = arguments == null ? "" : arguments.trim();
    }

    /** A command that replies to nothing. */
    public CommandInvoked(String eventId, Conversation conversation, Member actor, Instant at, MessageRef message,
                          String name, String arguments) {
        this(eventId, conversation, actor, at, message, name, arguments, null, null);
    }
}
