package org.fellowship.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /report} (any member, in reply to a message) and the Claim and Resolve buttons moderators get with it. The
 * reported member is never told who reported; reporters are rate-limited, but a report is accepted when the limit
 * cannot be checked. Thread-safe (stateless apart from its collaborators).
 */
final class ReportCommands {
    static final String REPORT_BUTTON = "mod.report";
    /** Reporters may send this many reports per {@link #REPORT_WINDOW}. */
    static final int REPORT_LIMIT = 2;
    static final Duration REPORT_WINDOW = Duration.ofMinutes(20);
    private static final Logger LOG = LoggerFactory.getLogger(ReportCommands.class);

    private final RuleStore rules;
    private final CaseLog cases;
    private final RateLimitStore limits;
    private final Enforcement enforcement;

    ReportCommands(RuleStore rules, CaseLog cases, RateLimitStore limits, Enforcement enforcement) {
        this.rules = rules;
        this.cases = cases;
        this.limits = limits;
        this.enforcement = enforcement;
    }

    void report(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        MessageRef reported = Targets.repliedTo(turn);
        ChatUserId author = Targets.repliedToAuthor(turn);
        if (reported == null || author == null) {
            throw new UsageException("Reply to the message you want to report with /report (a reason is optional).");
        }
        ChatUserId reporter = turn.actor().id();
        if (author.equals(reporter)) {
            turn.replyPrivately("That's your own message, so there's nothing to report.");
            return;
        }
        String reason = args.strip();
        if (reason.length() > Enforcement.MAX_REASON) {
            reason = reason.substring(0, Enforcement.MAX_REASON);
        }
        try {
            Duration wait = limits.tryTake("mod-report-" + community.platform().code() + "-" + community.value(),
                    List.of(new RateLimitStore.Window("reporter-" + reporter.value(), REPORT_LIMIT, REPORT_WINDOW)),
                    turn.now());
            if (!wait.isZero()) {
                long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
                turn.replyPrivately("You've sent " + REPORT_LIMIT + " reports in the last "
                        + Durations.words(REPORT_WINDOW) + ". Please wait about " + minutes + " min before the next. "
                        + "If someone is in danger right now, contact a moderator directly or local emergency services.");
                return;
            }
        } catch (StoreUnavailableException e) {
            LOG.warn("report rate limit unavailable in {}; accepting the report", community);
        }
        boolean crisis = cases.isProtected(reported);
        ConversationId chat = turn.conversation().id();
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "report", reporter, author, chat,
                reported.messageId(), 0, reason, "", "open"));
        ModeratorView.Names names = enforcement.view().names(chat);
        String where = turn.conversation().title() == null ? "a group" : turn.conversation().title();
        String because = (reason.isEmpty() ? "." : ". Reason: " + reason) + (crisis ? "\n"
                + Enforcement.PROTECTED_NOTICE : "") + "\nClaim it so others know you're on it; resolve it when done.";
        Function<ChatUserId, String> text = reader -> {
            Function<ChatUserId, String> who = reader == null ? ModeratorView.IDS_ONLY : names;
            return "Report (case " + c.number() + ") in " + where + ": " + who.apply(reporter) + " reported message "
                    + reported.messageId() + " by " + who.apply(author) + because;
        };
        Map<String, String> data = Map.of("p", chat.platform().lowerName(), "cv", community.value(), "chat",
                chat.value(), "n", Long.toString(c.number()), "sub", author.value());
        int delivered = enforcement.notifyModerators(community, chat, text, mod -> List.of(ButtonRow.of(
                enforcement.button("Claim", REPORT_BUTTON, Enforcement.with(data, "d", "claim"), mod),
                enforcement.button("Resolve", REPORT_BUTTON, Enforcement.with(data, "d", "resolve"), mod))),
                Set.of(author, reporter));
        if (delivered == 0 && rules.settings(community).modLog() == null) {
            turn.replyPrivately("Thank you. I couldn't reach a moderator privately right now (case " + c.number()
                    + " is recorded); please contact one directly.");
        } else {
            turn.replyPrivately("Thank you for telling us. The moderators have it privately; the member is not told "
                    + "who reported.");
        }
    }

    /** Claim / Resolve on a report, pressed in a moderator's DM or the mod-log chat. */
    void pressed(Turn turn, ButtonAction a) {
        Platform platform = Platform.parse(a.get("p"));
        CommunityId community = turn.context().aliases().current(new CommunityId(platform, a.get("cv")));
        ConversationId group = new ConversationId(platform, a.get("chat"));
        if (!enforcement.confirmModerator(turn, group)) {
            return;
        }
        ChatUserId me = turn.actor().id();
        long number = Long.parseLong(a.get("n"));
        ChatUserId holder = cases.claim(community, number, me);
        if (!holder.equals(me)) {
            turn.replyPrivately("Case " + number + " is already claimed by "
                    + enforcement.view().names(group).as(holder, "moderator") + ".");
            return;
        }
        boolean resolve = "resolve".equals(a.get("d"));
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), resolve ? "resolve" : "claim", me,
                new ChatUserId(platform, a.get("sub")), group, null, 0, (resolve ? "resolved" : "claimed")
                + " report case " + number, "", "done"));
        turn.replyPrivately(resolve ? "Report case " + number + " is resolved (case " + c.number() + ")."
                : "You've claimed report case " + number + ". Other moderators will see it's taken.");
    }
}
