package org.fellowship.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.store.ButtonAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out moderation actions and records them: platform calls through {@link GroupAdminGateway}, a numbered
 * case per action, the mod-log line, warnings and the ladder, and messages to moderators. Every platform refusal
 * becomes an outcome text that is recorded and shown to moderators, never swallowed. Logs hold ids only.
 * Thread-safe (stateless apart from its ports).
 */
final class Enforcement {
    private static final Logger LOG = LoggerFactory.getLogger(Enforcement.class);
    /** How long moderation buttons (review, report) keep working. */
    static final Duration BUTTON_TTL = Duration.ofDays(7);
    /** The longest reason a moderator or a reporter may give. */
    static final int MAX_REASON = 300;
    /** The reply to a manual action on a message the safety screen protected. */
    static final String PROTECTED_NOTICE = "That message reads as someone who may be in crisis. I never delete, "
            + "mute or warn for such a message; the member was offered support privately. Please reach out to them "
            + "kindly instead.";

    private final RuleStore rules;
    private final WarningStore warnings;
    private final CaseLog cases;
    private final BotContext context;
    private final ModeratorView view;

    Enforcement(RuleStore rules, WarningStore warnings, CaseLog cases, BotContext context) {
        this.rules = rules;
        this.warnings = warnings;
        this.cases = cases;
        this.context = context;
        this.view = new ModeratorView(context);
    }

    /** How records are shown to the moderator reading them (names now, times in their zone). */
    ModeratorView view() {
        return view;
    }

    /** What a platform call did: {@code done}, or {@code failed: <why>} in words a moderator can act on. */
    record Outcome(boolean ok, String text) {
        static final Outcome DONE = new Outcome(true, "done");

        static Outcome failed(String what, GatewayException e) {
            return new Outcome(false, "failed: could not " + what + ": " + explain(e));
        }
    }

    /** A moderator-readable reason for a platform refusal (the exception message never holds member text). */
    static String explain(GatewayException e) {
        String why = switch (e.reason()) {
            case FORBIDDEN -> "the bot lacks the right to do that here (admin rights or role hierarchy)";
            case TOO_OLD -> "the platform no longer allows it (Telegram deletes messages only within 48 hours)";
            case NOT_FOUND -> "the message or member is already gone";
            case UNSUPPORTED -> "this platform does not support it";
            case RATE_LIMITED, UNAVAILABLE -> "the platform is not answering right now; please try again later";
            case DIRECT_MESSAGES_CLOSED -> "the member does not accept direct messages";
            case INVALID -> "the platform rejected the request";
            case TOO_LARGE -> "the file is too large";
        };
        return e.getMessage() == null || e.getMessage().isBlank() ? why : why + " (" + e.getMessage() + ")";
    }

    private Optional<GroupAdminGateway> admin(ConversationId chat) {
        return context.gateways().admin(chat.platform());
    }

    Outcome delete(MessageRef message) {
        Optional<GroupAdminGateway> admin = admin(message.conversation());
        if (admin.isEmpty()) {
            return Outcome.failed("delete the message", GatewayException.unsupported("moderation"));
        }
        try {
            admin.get().delete(message);
            return Outcome.DONE;
        } catch (GatewayException e) {
            LOG.warn("delete in {} failed: {}", message.conversation(), e.reason());
            return Outcome.failed("delete the message", e);
        }
    }

    /** Mutes, kicks or bans; other actions are no-ops here. */
    Outcome memberAction(ActionType action, ConversationId group, ChatUserId member, Duration muteFor, Instant now) {
        if (action != ActionType.MUTE && action != ActionType.KICK && action != ActionType.BAN) {
            return Outcome.DONE;
        }
        Optional<GroupAdminGateway> admin = admin(group);
        String what = action == ActionType.MUTE ? "mute the member" : action.word() + " the member";
        if (admin.isEmpty()) {
            return Outcome.failed(what, GatewayException.unsupported("moderation"));
        }
        try {
            switch (action) {
                case MUTE -> admin.get().mute(group, member, now.plus(muteFor));
                case KICK -> admin.get().kick(group, member);
                default -> admin.get().ban(group, member);
            }
            return Outcome.DONE;
        } catch (GatewayException e) {
            LOG.warn("{} of {} in {} failed: {}", action.word(), member, group, e.reason());
            return Outcome.failed(what, e);
        }
    }

    /** Lifts a mute ({@code unmute}) or a ban ({@code unban}), saying what went wrong in a moderator's words. */
    Outcome lift(String action, ConversationId group, ChatUserId member) {
        String what = action.equals("unmute") ? "lift the mute" : "lift the ban";
        Optional<GroupAdminGateway> admin = admin(group);
        if (admin.isEmpty()) {
            return Outcome.failed(what, GatewayException.unsupported("moderation"));
        }
        try {
            if (action.equals("unmute")) {
                admin.get().unmute(group, member);
            } else {
                admin.get().unban(group, member);
            }
            return Outcome.DONE;
        } catch (GatewayException e) {
            LOG.warn("{} of {} in {} failed: {}", action, member, group, e.reason());
            return Outcome.failed(what, e);
        }
    }

    /** Sets or ends ({@link Duration#ZERO}) the chat's slow mode. */
    Outcome slowmode(ConversationId chat, Duration interval) {
        String what = interval.isZero() ? "turn slow mode off" : "set slow mode";
        Optional<GroupAdminGateway> admin = admin(chat);
        if (admin.isEmpty()) {
            return Outcome.failed(what, GatewayException.unsupported("moderation"));
        }
        try {
            admin.get().slowmode(chat, interval);
            return Outcome.DONE;
        } catch (GatewayException e) {
            LOG.warn("slow mode in {} failed: {}", chat, e.reason());
            return Outcome.failed(what, e);
        }
    }

    /**
     * Tells a member something in their private chat only, where the platform lets the bot write first (never a
     * pointer in the group: a manual action shows the group nothing but itself).
     *
     * @return whether it reached them
     */
    boolean tellMemberDirectly(ChatUserId member, String text) {
        return context.outbox().send(new OutboundMessage(Conversation.direct(member).id(), text, TextStyle.PLAIN,
                List.of(), null, Delivery.PRIVATE, member, Priority.NORMAL), true).delivered();
    }

    /** Appends the case and posts its line to the mod-log chat when one is set. */
    ModCase record(ModCase draft) {
        ModCase recorded = cases.append(draft);
        ConversationId modLog = rules.settings(draft.community()).modLog();
        if (modLog != null) {
            context.outbox().send(OutboundMessage.text(modLog, view.describe(recorded, null)), false);
        }
        LOG.info("case {} in {}: {} rule {}", recorded.number(), recorded.community(), recorded.action(),
                recorded.ruleId());
        return recorded;
    }

    /** Whether {@code member} is a moderator of {@code group} right now, by the platform's own list. */
    Optional<Boolean> isModerator(ConversationId group, ChatUserId member) {
        Optional<GroupAdminGateway> admin = admin(group);
        if (admin.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(admin.get().moderators(group).contains(member));
        } catch (GatewayException e) {
            LOG.warn("moderator list of {} unavailable: {}", group, e.reason());
            return Optional.empty();
        }
    }

    /**
     * Sends {@code text} privately to the moderators who opted in (or, when none did, to every moderator the platform
     * lists), except {@code exclude}, each with their own buttons; also posts it to the mod-log chat.
     *
     * @param buttons the button rows for one recipient ({@code null} recipient: the mod-log chat, anyone may press)
     * @return how many moderators got it privately
     */
    int notifyModerators(CommunityId community, ConversationId group, String text,
                         Function<ChatUserId, List<ButtonRow>> buttons, Set<ChatUserId> exclude) {
        return notifyModerators(community, group, reader -> text, buttons, exclude);
    }

    /**
     * As above, with a text made for each reader (times in their zone); the mod-log chat's reader is {@code null}.
     */
    int notifyModerators(CommunityId community, ConversationId group, Function<ChatUserId, String> text,
                         Function<ChatUserId, List<ButtonRow>> buttons, Set<ChatUserId> exclude) {
        ModerationSettings settings = rules.settings(community);
        Set<ChatUserId> to = new LinkedHashSet<>(settings.alertReceivers());
        if (to.isEmpty()) {
            admin(group).ifPresent(a -> {
                try {
                    to.addAll(a.moderators(group));
                } catch (GatewayException e) {
                    LOG.warn("moderator list of {} unavailable: {}", group, e.reason());
                }
            });
        }
        to.removeAll(exclude);
        int delivered = 0;
        for (ChatUserId moderator : to) {
            OutboundMessage message = new OutboundMessage(Conversation.direct(moderator).id(), text.apply(moderator),
                    TextStyle.PLAIN, buttons.apply(moderator), null, Delivery.PRIVATE, moderator, Priority.URGENT);
            if (context.outbox().send(message, true).delivered()) {
                delivered++;
            }
        }
        if (settings.modLog() != null) {
            context.outbox().send(new OutboundMessage(settings.modLog(), text.apply(null), TextStyle.PLAIN,
                    buttons.apply(null), null, Delivery.PUBLIC, null, Priority.NORMAL), false);
        }
        return delivered;
    }

    /** A button on a moderation message; {@code allowed} null lets anyone press (moderator status is checked then). */
    Button button(String label, String handler, Map<String, String> data, ChatUserId allowed) {
        return new Button(label, context.buttons().issue(new ButtonAction(handler, data, allowed), BUTTON_TTL));
    }

    /** {@code data} plus one more entry: the buttons of one message share their data and differ in a decision. */
    static Map<String, String> with(Map<String, String> data, String key, String value) {
        Map<String, String> copy = new HashMap<>(data);
        copy.put(key, value);
        return copy;
    }

    /** Tells a member something privately (a DM, or a pointer in the group where the platform needs one). */
    void tellMember(ConversationId group, ChatUserId member, String text) {
        context.outbox().send(new OutboundMessage(group, text, TextStyle.PLAIN, List.of(), null, Delivery.PRIVATE,
                member, Priority.NORMAL), false);
    }

    /** The result of a warning: its case, the member's active points and what the ladder did. */
    record Warned(ModCase warnCase, int activePoints, Optional<ModCase> ladderCase) {
    }

    /**
     * Records a warning, tells the member privately why (with the rules), and climbs the ladder when the member's
     * active points cross a step.
     */
    Warned warn(CommunityId community, ConversationId group, String groupTitle, ChatUserId member, ChatUserId by,
                String reason, int ruleId, String excerpt, MessageRef message, Instant now) {
        ModerationSettings settings = rules.settings(community);
        ModCase warnCase = record(new ModCase(community, 0, now, "warn", by, member, group,
                message == null ? null : message.messageId(), ruleId, reason, excerpt, "done"));
        warnings.add(new Warning(community, member, warnCase.number(), by, 1, reason, now,
                now.plus(settings.warningDecay())));
        int points = warnings.active(community, member, now).stream().mapToInt(Warning::points).sum();
        String where = groupTitle == null ? "the group" : groupTitle;
        tellMember(group, member, "You've received a warning in " + where + ": " + reason + "\nIt counts for "
                + Durations.words(settings.warningDecay()) + ". " + rulesPointer(settings)
                + " If you think this is a mistake, you can talk to a moderator.");
        Optional<ModCase> ladder = Optional.empty();
        LadderStep step = null;
        for (LadderStep s : settings.ladder()) {
            if (points >= s.points() && points - 1 < s.points()) {
                step = s; // the step this warning crossed
            }
        }
        if (step != null) {
            Outcome outcome = step.action() == ActionType.ALERT ? Outcome.DONE
                    : memberAction(step.action(), group, member, step.muteFor(), now);
            ModCase c = record(new ModCase(community, 0, now, step.action().word(), null, member, group, null, 0,
                    "warning ladder: " + step.describe(), "", outcome.text()));
            ladder = Optional.of(c);
            if (step.action() == ActionType.ALERT || !outcome.ok()) {
                notifyModerators(community, group, view.describeFor(c), m -> List.of(), Set.of());
            }
            if (outcome.ok() && step.action() == ActionType.MUTE) {
                tellMember(group, member, "Because of your warnings you can't write in " + where + " for "
                        + Durations.words(step.muteFor()) + ".");
            }
        }
        return new Warned(warnCase, points, ladder);
    }

    static String rulesPointer(ModerationSettings settings) {
        return settings.rulesText() == null ? "The group's rules: send /rules in the group."
                : "The group's rules:\n" + settings.rulesText();
    }

    /** Runs a rule's action on a message and its author, returning the combined outcome texts. */
    List<Outcome> apply(ActionType action, Duration muteFor, ConversationId group, MessageRef message,
                        ChatUserId member, Instant now) {
        List<Outcome> outcomes = new ArrayList<>(2);
        if (action.deletes() && message != null) {
            outcomes.add(delete(message));
        }
        if (action == ActionType.MUTE || action == ActionType.KICK || action == ActionType.BAN) {
            outcomes.add(memberAction(action, group, member, muteFor, now));
        }
        return outcomes;
    }

    /** Several outcomes as one: {@link Outcome#DONE} when all succeeded, else the failures joined by "; ". */
    static Outcome combined(List<Outcome> outcomes) {
        List<String> failed = outcomes.stream().filter(o -> !o.ok()).map(Outcome::text).toList();
        return failed.isEmpty() ? Outcome.DONE : new Outcome(false, String.join("; ", failed));
    }

    /** Re-checks with the platform that the presser moderates {@code group}; tells them when not. */
    boolean confirmModerator(Turn turn, ConversationId group) {
        var answer = isModerator(group, turn.actor().id());
        if (answer.isEmpty()) {
            turn.replyPrivately("I couldn't confirm with the platform that you moderate that group right now. "
                    + "Please try again in a moment.");
            return false;
        }
        if (!answer.get()) {
            turn.replyPrivately("Only moderators of that group can do this.");
            return false;
        }
        return true;
    }
}
