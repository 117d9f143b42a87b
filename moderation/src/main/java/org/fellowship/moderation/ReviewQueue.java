package org.fellowship.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.store.ButtonAction;

/**
 * Review-first rules: a hit becomes a pending case with Approve and Dismiss buttons for the moderators; the first
 * moderator to press claims it, and approving carries out the rule's action then (unless the message has since been
 * protected by the safety screen). Thread-safe (stateless apart from its collaborators).
 */
final class ReviewQueue {
    static final String REVIEW_BUTTON = "mod.review";

    private final CaseLog cases;
    private final Enforcement enforcement;

    ReviewQueue(CaseLog cases, Enforcement enforcement) {
        this.cases = cases;
        this.enforcement = enforcement;
    }

    /**
     * Records the pending case for {@code hit} and asks the moderators to approve or dismiss it.
     *
     * @param held why an enforced rule waits for a moderator ("held for review: it reads as a relapse share"), or
     *             {@code null} for a review-first rule
     */
    void request(Turn turn, CommunityId community, MessageRef message, String text, Hit hit, String held) {
        Rule rule = hit.rule();
        ChatUserId member = turn.actor().id();
        ConversationId chat = turn.conversation().id();
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "review", null, member, chat,
                message == null ? null : message.messageId(), rule.id(),
                held == null ? hit.why() : hit.why() + "; " + held, Excerpt.of(text, hit.start(), hit.end()), "pending: waiting for a moderator"));
        Map<String, String> data = Map.of("p", chat.platform().lowerName(), "cv", community.value(),
                "chat", chat.value(), "msg", message == null ? "" : message.messageId(), "sub", member.value(),
                "n", Long.toString(c.number()), "act", rule.action().name(),
                "mute", Long.toString(rule.muteFor().toSeconds()), "rule", Integer.toString(rule.id()));
        String proposed = rule.action() == ActionType.MUTE ? "mute " + Durations.words(rule.muteFor())
                : rule.action().word();
        Function<ChatUserId, String> line = enforcement.view().describeFor(c);
        enforcement.notifyModerators(community, chat, reader -> "Review needed: " + line.apply(reader)
                + "\nApprove to " + proposed + "; dismiss to leave the message.", m -> List.of(ButtonRow.of(
                enforcement.button("Approve", REVIEW_BUTTON, Enforcement.with(data, "d", "approve"), m),
                enforcement.button("Dismiss", REVIEW_BUTTON, Enforcement.with(data, "d", "dismiss"), m))),
                Set.of(member));
    }

    /** Approve or Dismiss, pressed in a moderator's DM or the mod-log chat. */
    void pressed(Turn turn, ButtonAction a) {
        Platform platform = Platform.parse(a.get("p"));
        CommunityId community = turn.context().aliases().current(new CommunityId(platform, a.get("cv")));
        ConversationId group = new ConversationId(platform, a.get("chat"));
        ChatUserId me = turn.actor().id();
        if (!enforcement.confirmModerator(turn, group)) {
            return;
        }
        long number = Long.parseLong(a.get("n"));
        ChatUserId holder = cases.claim(community, number, me);
        if (!holder.equals(me)) {
            turn.replyPrivately("Case " + number + " was already handled by "
                    + enforcement.view().names(group).as(holder, "moderator") + ".");
            return;
        }
        ChatUserId subject = new ChatUserId(platform, a.get("sub"));
        MessageRef message = a.get("msg").isEmpty() ? null : new MessageRef(group, a.get("msg"));
        int ruleId = Integer.parseInt(a.get("rule"));
        if ("dismiss".equals(a.get("d"))) {
            ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "dismiss", me, subject, group,
                    message == null ? null : message.messageId(), ruleId, "review of case " + number + " dismissed",
                    "", "done"));
            turn.replyPrivately("Dismissed (case " + c.number() + "). Nothing happens to the member.");
            return;
        }
        if (message != null && cases.isProtected(message)) {
            turn.replyPrivately(Enforcement.PROTECTED_NOTICE);
            return;
        }
        ActionType action = ActionType.valueOf(a.get("act"));
        Duration muteFor = Duration.ofSeconds(Long.parseLong(a.get("mute")));
        List<Enforcement.Outcome> outcomes = new ArrayList<>(enforcement.apply(
                action == ActionType.WARN ? ActionType.DELETE : action, muteFor, group, message, subject, turn.now()));
        Enforcement.Outcome combined = Enforcement.combined(outcomes);
        ModCase c;
        if (action == ActionType.WARN) {
            c = enforcement.warn(community, group, null, subject, me, "your message broke a group rule (approved by "
                    + "a moderator)", ruleId, "", message, turn.now()).warnCase();
        } else {
            c = enforcement.record(new ModCase(community, 0, turn.now(), action.word(), me, subject, group,
                    message == null ? null : message.messageId(), ruleId, "approved review of case " + number, "",
                    combined.text()));
        }
        turn.replyPrivately("Approved: " + action.word() + " (case " + c.number() + ")."
                + (combined.ok() ? "" : " But " + combined.text()));
    }
}
