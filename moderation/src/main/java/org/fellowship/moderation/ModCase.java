package org.fellowship.moderation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.time.ReaderTime;

/**
 * One entry of a community's append-only case log: an automatic or manual moderation action, a report, or a
 * review decision. Holds ids, never names, and at most a short excerpt, never the whole message. {@code /forget}
 * keeps the case but drops the member's words ({@link #withoutWords}).
 *
 * @param number    the community's case number (1, 2, ...), or 0 before it is appended
 * @param action    what happened: {@code log}, {@code review}, {@code delete}, {@code warn}, {@code mute},
 *                  {@code kick}, {@code ban}, {@code alert}, {@code report}, {@code approve}, {@code dismiss},
 *                  {@code unwarn}, {@code claim}, {@code resolve}
 * @param actor     who acted (a moderator, or the member who reported), or {@code null} for an automatic action
 * @param subject   the member it is about, or {@code null}
 * @param chat      where, or {@code null}
 * @param messageId the message concerned, or {@code null}
 * @param ruleId    the rule that fired, or 0
 * @param reason    a short reason ("" when none)
 * @param excerpt   the matched span with a little context, capped ({@link Excerpt}); "" when none
 * @param outcome   {@code done}, {@code pending}, or {@code failed: <reason>}
 */
public record ModCase(CommunityId community, long number, Instant at, String action, ChatUserId actor,
                      ChatUserId subject, ConversationId chat, String messageId, int ruleId, String reason,
                      String excerpt, String outcome) {
    public ModCase {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        reason = reason == null ? "" : reason;
        excerpt = excerpt == null ? "" : excerpt;
        outcome = outcome == null ? "done" : outcome;
    }

    public ModCase withNumber(long value) {
        return new ModCase(community, value, at, action, actor, subject, chat, messageId, ruleId, reason, excerpt,
                outcome);
    }

    /**
     * This case without the members' own words, as {@code /forget} leaves it: no excerpt, and a report without the
     * reporter's reason. Numbers, ids, rule, action, outcome and time stay.
     */
    public ModCase withoutWords() {
        return new ModCase(community, number, at, action, actor, subject, chat, messageId, ruleId,
                action.equals("report") ? "" : reason, "", outcome);
    }

    /** {@code true} when the case still quotes a member: an excerpt, or a report's reason. */
    public boolean holdsWords() {
        return !excerpt.isEmpty() || action.equals("report") && !reason.isEmpty();
    }

    /**
     * One line for {@code /case}, {@code /cases} and the mod-log: "Case 3: warn Sam (id 42), rule #2, by Mo (id 7).
     * Reason: ... 10 Dec 2026, 21:37 (Europe/Berlin)".
     *
     * @param who  how a member is shown to this reader ("member 42" when nothing better is known)
     * @param zone the reader's zone
     */
    public String describe(Function<ChatUserId, String> who, ZoneId zone) {
        StringBuilder b = new StringBuilder("Case ").append(number).append(": ").append(action);
        if (subject != null) {
            b.append(' ').append(who.apply(subject));
        }
        if (ruleId > 0) {
            b.append(subject == null ? " rule #" : ", rule #").append(ruleId);
        }
        b.append(actor == null ? " (automatic)" : ", by " + who.apply(actor));
        if (!reason.isEmpty()) {
            b.append(". Reason: ").append(reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason);
        }
        if (!excerpt.isEmpty()) {
            b.append(". Excerpt: \"").append(excerpt).append('"');
        }
        if (!outcome.equals("done")) {
            b.append(". ").append(outcome);
        }
        return b.append(". ").append(ReaderTime.format(at, zone)).toString();
    }
}
