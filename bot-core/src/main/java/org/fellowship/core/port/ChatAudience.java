package org.fellowship.core.port;

/**
 * Who can read a chat, as far as the platform says: whether only moderators of its group can see it.
 *
 * @param moderatorsOnly {@code true} when everyone who can read the chat holds moderation rights there
 * @param problem        when {@code moderatorsOnly} is false, what lets others read it and how to fix it, in words a
 *                       moderator can act on; {@code null} otherwise
 */
public record ChatAudience(boolean moderatorsOnly, String problem) {
    public ChatAudience {
        if (!moderatorsOnly && (problem == null || problem.isBlank())) {
            throw new IllegalArgumentException("a chat readable by others needs a problem a moderator can fix");
        }
        if (moderatorsOnly) {
            problem = null;
        }
    }

    /** Only moderators can read the chat. */
    public static ChatAudience onlyModerators() {
        return new ChatAudience(true, null);
    }

    /** Others can read the chat, because of {@code problem}. */
    public static ChatAudience wider(String problem) {
        return new ChatAudience(false, problem);
    }
}
