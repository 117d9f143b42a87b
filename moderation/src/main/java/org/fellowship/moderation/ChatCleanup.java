package org.fellowship.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.port.GroupAdminGateway;

/**
 * {@code /purge N} and {@code /slowmode <seconds|off>}: a moderator calming a chat. A purge deletes the latest
 * messages this instance saw ({@link RecentMessages}: the platforms give bots no list of past messages), of the
 * replied member or of the whole chat, never one the safety screen flagged; each is a numbered case, and the moderator
 * hears privately how many were deleted. Slow mode is set where the platform lets bots set it (Discord), and refused
 * with the platform's reason elsewhere (Telegram).
 */
final class ChatCleanup {
    /** The largest purge (also how many messages per chat are remembered). */
    static final int MAX_PURGE = RecentMessages.PER_CHAT;

    private final CaseLog cases;
    private final Enforcement enforcement;
    private final RecentMessages recent;

    ChatCleanup(CaseLog cases, Enforcement enforcement, RecentMessages recent) {
        this.cases = cases;
        this.enforcement = enforcement;
        this.recent = recent;
    }

    void purge(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        String count = args.strip();
        if (!count.matches("\\d{1,3}") || Integer.parseInt(count) < 1 || Integer.parseInt(count) > MAX_PURGE) {
            throw new UsageException("Say how many messages, from 1 to " + MAX_PURGE + ": /purge 20 (in reply to a "
                    + "message: only that member's).");
        }
        int n = Integer.parseInt(count);
        ConversationId chat = turn.conversation().id();
        ChatUserId author = Targets.repliedToAuthor(turn);
        List<MessageRef> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int kept = 0;
        for (RecentMessages.Seen s : recent.latest(chat, author, n)) {
            if (cases.isProtected(s.ref())) {
                kept++; // a crisis message the safety screen read on a second look: never removed
                continue;
            }
            Enforcement.Outcome outcome = enforcement.delete(s.ref());
            if (outcome.ok()) {
                deleted.add(s.ref());
            } else if (!failures.contains(outcome.text())) {
                failures.add(outcome.text());
            }
        }
        recent.forget(chat, deleted);
        String outcomeText = failures.isEmpty() ? "done" : String.join("; ", failures);
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "purge", turn.actor().id(), author, chat,
                null, 0, "deleted " + deleted.size() + " of the last " + n + " messages"
                + (author == null ? "" : " of member " + author.value()), "", outcomeText)); // the case keeps ids
        String whose = author == null ? "" : " of " + enforcement.view().names(chat).apply(author);
        StringBuilder reply = new StringBuilder("Deleted ").append(deleted.size())
                .append(deleted.size() == 1 ? " message" : " messages").append(whose).append(" (case ")
                .append(c.number()).append("). I can only delete recent messages I saw myself");
        reply.append(author == null ? "." : "; only their messages were touched.");
        if (kept > 0) {
            reply.append(" I left ").append(kept).append(kept == 1 ? " message" : " messages")
                    .append(" alone: the safety screen read someone who may be in crisis.");
        }
        failures.forEach(f -> reply.append("\nSome ").append(f.replaceFirst("^failed: ", "")).append('.'));
        turn.replyPrivately(reply.toString());
    }

    void slowmode(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        String value = args.strip().toLowerCase(Locale.ROOT);
        Duration interval;
        if (value.equals("off") || value.equals("0")) {
            interval = Duration.ZERO;
        } else if (value.matches("\\d{1,5}")) {
            interval = Duration.ofSeconds(Long.parseLong(value));
        } else {
            interval = Durations.parse(value);
        }
        if (interval == null || interval.compareTo(GroupAdminGateway.MAX_SLOWMODE) > 0) {
            throw new UsageException("Say how long each member waits between messages, up to 6 hours (e.g. "
                    + "/slowmode 30 or /slowmode 5m), or /slowmode off.");
        }
        ConversationId chat = turn.conversation().id();
        Enforcement.Outcome outcome = enforcement.slowmode(chat, interval);
        String what = interval.isZero() ? "off" : "one message per " + Durations.words(interval);
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "slowmode", turn.actor().id(), null,
                chat, null, 0, what, "", outcome.text()));
        turn.replyPrivately(outcome.ok()
                ? "Slow mode " + (interval.isZero() ? "is off" : "is on: each member may send " + what) + " (case "
                + c.number() + ")."
                : "Case " + c.number() + ": " + outcome.text().replaceFirst("^failed: ", "") + ".");
    }
}
