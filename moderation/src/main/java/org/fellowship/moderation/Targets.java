package org.fellowship.moderation;

import java.util.regex.Pattern;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.CommandHandler;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.MessageRef;

/** Reading a command's community, target member and replied-to message. */
final class Targets {
    private static final Pattern USER_ID = Pattern.compile("-?\\d{1,32}");

    private Targets() {
    }

    /** A member named by a command, and the rest of its arguments. */
    record Target(ChatUserId member, String rest) {
    }

    /** A (sub)command that acts on the group it is sent in. */
    @FunctionalInterface
    interface GroupCommand {
        void handle(Turn turn, CommunityId community, String arguments);
    }

    /** Runs {@code command} with the group it was sent in; elsewhere, tells the moderator where to send it. */
    static CommandHandler inGroup(GroupCommand command) {
        return (turn, arguments) -> command.handle(turn, community(turn), arguments);
    }

    static CommunityId community(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (community == null || turn.conversation().isDirect()) {
            throw new UsageException("Send this in the group you moderate.");
        }
        return community;
    }

    /** The message the command replies to, or {@code null}. */
    static MessageRef repliedTo(Turn turn) {
        if (turn.event() instanceof CommandInvoked c) {
            return c.replyTo();
        }
        return turn.event() instanceof MessageReceived m ? m.replyTo() : null;
    }

    /** The author of the message the command replies to, or {@code null}. */
    static ChatUserId repliedToAuthor(Turn turn) {
        if (turn.event() instanceof CommandInvoked c) {
            return c.replyToAuthor();
        }
        return turn.event() instanceof MessageReceived m ? m.replyToAuthor() : null;
    }

    /**
     * The member a command is about: the author of the message it replies to (then all arguments are the rest), or a
     * leading user id ({@code 42}, or Discord's {@code <@42>}).
     */
    static Target target(Turn turn, String args) {
        ChatUserId author = repliedToAuthor(turn);
        if (author != null) {
            return new Target(author, args.strip());
        }
        FirstWord first = FirstWord.of(args);
        String token = first.word();
        if (token.isEmpty()) {
            throw new UsageException("Say who: reply to one of their messages with the command, or give their user id.");
        }
        if (token.startsWith("<@") && token.endsWith(">")) {
            token = token.substring(token.startsWith("<@!") ? 3 : 2, token.length() - 1);
        }
        if (!USER_ID.matcher(token).matches()) {
            throw new UsageException(token.startsWith("@")
                    ? "I can't look up @names: reply to one of their messages with the command, or give their user id."
                    : "I don't know that member: reply to one of their messages with the command, or give their "
                    + "numeric user id.");
        }
        return new Target(new ChatUserId(turn.actor().id().platform(), token), first.rest());
    }
}
