package org.fellowship.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;

/**
 * A moderator's own actions on a member: {@code /ban [duration] [reason]}, {@code /unban}, {@code /kick [reason]},
 * {@code /mute [duration] [reason]} and {@code /unmute}, by reply or by user id, each a numbered case. The moderator
 * hears privately what happened (or why not: no rights, a moderator as target, a member already gone, a platform
 * error); the member is told privately only what actually happened, where the platform lets the bot write to them;
 * the group sees only the platform's action. A reply to a message the safety screen flagged is never punished. A
 * temporary ban ends through the due queue, unless a later ban or unban of the member superseded it.
 */
final class MemberActions implements DueHandler<BanExpiry> {
    /** A mute without a duration lasts this long. */
    static final Duration DEFAULT_MUTE = Duration.ofHours(1);
    /** Discord's longest timeout, and so the longest mute on every platform. */
    static final Duration MAX_MUTE = Duration.ofDays(28);
    /** The longest temporary ban; longer is a ban without a duration. */
    static final Duration MAX_BAN = Duration.ofDays(3650);
    private static final Duration MIN_LENGTH = Duration.ofMinutes(1);
    private static final String MISTAKE = " If you think this is a mistake, you can talk to a moderator.";

    private final CaseLog cases;
    private final Enforcement enforcement;
    private final BotContext context;

    MemberActions(CaseLog cases, Enforcement enforcement, BotContext context) {
        this.cases = cases;
        this.enforcement = enforcement;
        this.context = context;
    }

    void ban(Turn turn, String args) {
        punish(turn, args, ActionType.BAN);
    }

    void kick(Turn turn, String args) {
        punish(turn, args, ActionType.KICK);
    }

    void mute(Turn turn, String args) {
        punish(turn, args, ActionType.MUTE);
    }

    void unban(Turn turn, String args) {
        lift(turn, args, "unban");
    }

    void unmute(Turn turn, String args) {
        lift(turn, args, "unmute");
    }

    /** What a command asked for: the member, how long (or {@code null}), and the reason ("" when none). */
    private record Request(ChatUserId member, Duration length, String reason) {
    }

    private void punish(Turn turn, String args, ActionType action) {
        CommunityId community = Targets.community(turn);
        Request request = read(turn, args, action);
        ConversationId group = turn.conversation().id();
        ChatUserId member = request.member();
        MessageRef replied = Targets.repliedTo(turn);
        if (replied != null && cases.isProtected(replied)) {
            turn.replyPrivately(Enforcement.PROTECTED_NOTICE);
            return;
        }
        if (refusedTarget(turn, group, member, action.word())) {
            return;
        }
        Instant now = turn.now();
        Enforcement.Outcome outcome = enforcement.memberAction(action, group, member,
                request.length() == null ? Duration.ZERO : request.length(), now);
        String forWords = request.length() == null ? "" : " for " + Durations.words(request.length());
        String caseReason = request.length() == null ? request.reason() : forWords.strip()
                + (request.reason().isEmpty() ? "" : "; " + request.reason());
        ModCase c = enforcement.record(new ModCase(community, 0, now, action.word(), turn.actor().id(), member, group,
                replied == null ? null : replied.messageId(), 0, caseReason, "", outcome.text()));
        if (!outcome.ok()) {
            turn.replyPrivately("Case " + c.number() + ": " + outcome.text().replaceFirst("^failed: ", "") + ".");
            return;
        }
        if (action == ActionType.BAN && request.length() != null) {
            context.dueQueue().schedule(BanExpiry.KIND.item("unban:" + community + ":" + member.value() + ":"
                    + c.number(), now.plus(request.length()), new BanExpiry(community, group, member, c.number()))
                    .about(member));
        }
        String where = turn.conversation().title() == null ? "the group" : turn.conversation().title();
        String because = request.reason().isEmpty() ? "" : " Reason: " + request.reason()
                + (request.reason().matches(".*[.!?]$") ? "" : ".");
        String told = switch (action) {
            case MUTE -> "You were muted in " + where + forWords + "." + because + MISTAKE;
            case KICK -> "You were removed from " + where + "." + because + " You can join again." + MISTAKE;
            default -> "You were banned from " + where + forWords + "." + because + MISTAKE;
        };
        String done = switch (action) {
            case MUTE -> "Muted";
            case KICK -> "Removed";
            default -> "Banned";
        };
        turn.replyPrivately(done + " " + enforcement.view().names(group).apply(member) + forWords + " (case "
                + c.number() + "). "
                + toldThem(enforcement.tellMemberDirectly(member, told)));
    }

    private void lift(Turn turn, String args, String action) {
        CommunityId community = Targets.community(turn);
        Targets.Target target = Targets.target(turn, args);
        checkReason(target.rest());
        ConversationId group = turn.conversation().id();
        ChatUserId member = target.member();
        Enforcement.Outcome outcome = enforcement.lift(action, group, member);
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), action, turn.actor().id(), member, group,
                null, 0, target.rest(), "", outcome.text()));
        if (!outcome.ok()) {
            turn.replyPrivately("Case " + c.number() + ": " + outcome.text().replaceFirst("^failed: ", "") + ".");
            return;
        }
        String where = turn.conversation().title() == null ? "the group" : turn.conversation().title();
        boolean unmute = action.equals("unmute");
        String told = unmute ? "You can write in " + where + " again."
                : "Your ban from " + where + " was lifted. You can join again.";
        turn.replyPrivately((unmute ? "Lifted the mute of " : "Lifted the ban of ")
                + enforcement.view().names(group).apply(member) + " (case " + c.number() + "). "
                + toldThem(enforcement.tellMemberDirectly(member, told)));
    }

    private static String toldThem(boolean delivered) {
        return delivered ? "They were told privately."
                : "I couldn't tell them privately (the platform doesn't let me write to them first).";
    }

    /** The target, an optional leading duration ({@code /mute} and {@code /ban}) and the reason. */
    private static Request read(Turn turn, String args, ActionType action) {
        Targets.Target target = Targets.target(turn, args);
        String rest = target.rest();
        Duration length = null;
        if (action != ActionType.KICK && !rest.isEmpty()) {
            FirstWord first = FirstWord.of(rest);
            length = Durations.parse(first.word());
            if (length != null) {
                rest = first.rest();
                Duration max = action == ActionType.MUTE ? MAX_MUTE : MAX_BAN;
                if (length.compareTo(MIN_LENGTH) < 0 || length.compareTo(max) > 0) {
                    throw new UsageException(action == ActionType.MUTE
                            ? "A mute lasts from 1m to 28d, e.g. /mute 42 2h spamming."
                            : "A temporary ban lasts from 1m to 3650d, e.g. /ban 42 7d; leave the duration out for "
                            + "a ban without end.");
                }
            }
        }
        if (action == ActionType.MUTE && length == null) {
            length = DEFAULT_MUTE;
        }
        checkReason(rest);
        return new Request(target.member(), length, rest);
    }

    private static void checkReason(String reason) {
        if (reason.length() > Enforcement.MAX_REASON) {
            throw new UsageException("Keep the reason under " + Enforcement.MAX_REASON + " characters.");
        }
    }

    /** Refuses (privately, saying why) to act on oneself or on a moderator; {@code true} when refused. */
    private boolean refusedTarget(Turn turn, ConversationId group, ChatUserId member, String word) {
        if (member.equals(turn.actor().id())) {
            turn.replyPrivately("You can't " + word + " yourself.");
            return true;
        }
        if (enforcement.isModerator(group, member).orElse(false)) {
            turn.replyPrivately(enforcement.view().names(group).atStart(member) + " is a moderator or admin of this "
                    + "group: I don't "
                    + word + " moderators. The group's owner can change their rights on the platform.");
            return true;
        }
        return false;
    }

    @Override
    public DueKind<BanExpiry> kind() {
        return BanExpiry.KIND;
    }

    /** A temporary ban ended: lift it, unless a later ban or unban of the member took its place. */
    @Override
    public void run(DueItem item, BanExpiry expiry) {
        CommunityId community = context.aliases().current(expiry.community());
        boolean superseded = cases.about(community, expiry.member(), 50).stream()
                .filter(c -> c.action().equals("ban") || c.action().equals("unban"))
                .findFirst().map(c -> c.number() != expiry.banCase()).orElse(false);
        if (superseded || !context.firstDelivery(item.id())) {
            return;
        }
        Enforcement.Outcome outcome = enforcement.lift("unban", expiry.chat(), expiry.member());
        ModCase c = enforcement.record(new ModCase(community, 0, context.clock().instant(), "unban", null,
                expiry.member(), expiry.chat(), null, 0, "the temporary ban of case " + expiry.banCase() + " ended",
                "", outcome.text()));
        if (!outcome.ok()) {
            enforcement.notifyModerators(community, expiry.chat(), "Case " + c.number() + " needs you: "
                    + outcome.text(), m -> List.of(), Set.of());
        }
    }
}
