package org.fellowship.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * One filter rule of a community. Immutable.
 *
 * @param community whose rule it is
 * @param id        the community's number for it (1, 2, ...), never reused
 * @param kind      what it looks at
 * @param pattern   the keyword, phrase or regex as typed; "" for link, invite, flood, mention and repeat rules
 * @param limit     flood, repeat: messages allowed within {@code window}; mentions: mentions that fire; else 0
 * @param window    flood, repeat: the sliding window; else {@link Duration#ZERO}
 * @param action    what happens when it fires in {@link RuleMode#ENFORCE} (or is approved in review)
 * @param muteFor   how long a {@link ActionType#MUTE} lasts
 * @param mode      rollout mode
 * @param createdBy the moderator who added it
 * @param createdAt when
 */
public record Rule(CommunityId community, int id, RuleKind kind, String pattern, int limit, Duration window,
                   ActionType action, Duration muteFor, RuleMode mode, ChatUserId createdBy, Instant createdAt) {
    /** Default length of a mute. */
    public static final Duration DEFAULT_MUTE = Duration.ofHours(1);

    public Rule {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(kind, "kind");
        pattern = pattern == null ? "" : pattern;
        window = window == null ? Duration.ZERO : window;
        Objects.requireNonNull(action, "action");
        muteFor = muteFor == null ? DEFAULT_MUTE : muteFor;
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Rule withMode(RuleMode value) {
        return new Rule(community, id, kind, pattern, limit, window, action, muteFor, value, createdBy, createdAt);
    }

    public Rule withId(int value) {
        return new Rule(community, value, kind, pattern, limit, window, action, muteFor, mode, createdBy, createdAt);
    }

    /** One line for lists and the mod-log, e.g. {@code #3 keyword "spam*" -> delete [log]}. */
    public String describe() {
        String what = switch (kind) {
            case KEYWORD, PHRASE, REGEX -> kind.word() + " \"" + pattern + "\"";
            case LINK -> "links outside the allow-list";
            case INVITE -> "invite links";
            case FLOOD -> "flood: more than " + limit + " messages in " + Durations.words(window);
            case REPEAT -> "repeats: the same text more than " + limit + " times in " + Durations.words(window);
            case MENTIONS -> "mention spam: " + limit + " or more mentions";
        };
        String act = action == ActionType.MUTE ? "mute " + Durations.words(muteFor) : action.word();
        return "#" + id + " " + what + " -> " + act + " [" + mode.word() + "]";
    }
}
