package org.fellowship.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fellowship.core.command.Access;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MemberJoined;
import org.fellowship.core.event.MessageEdited;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.RateLimitStore;
import org.fellowship.core.store.StoreUnavailableException;
import org.fellowship.core.text.CommandLine;
import org.fellowship.core.text.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group moderation: filter rules with rollout modes checked on every new and edited group message, warnings with
 * a ladder and decay, reports, a numbered case log with an optional mod-log chat, and the community's rules and
 * welcome texts.
 *
 * <p>Safety first: the engine runs the safety screen before this guard, and a message it flagged is never deleted,
 * muted, warned or even logged here, in any mode; it is remembered (without text) so a later manual action in reply
 * to it is refused too. Moderators (and, if the community says so, mentors) are exempt from rules. Moderation
 * commands are {@link Access#MODERATOR}: the engine checks the platform's moderator flag on every use, and
 * moderation buttons pressed in a DM ask the platform's moderator list again.
 */
public final class ModerationFeature implements Feature {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationFeature.class);
    static final String REVIEW_BUTTON = "mod.review";
    static final String REPORT_BUTTON = "mod.report";
    /** How long a message flagged by the safety screen stays protected from manual actions. */
    static final Duration PROTECT_TTL = Duration.ofDays(7);
    /** Reporters may send this many reports per {@link #REPORT_WINDOW}. */
    static final int REPORT_LIMIT = 2;
    static final Duration REPORT_WINDOW = Duration.ofMinutes(20);
    static final int MAX_REASON = 300;
    static final String PROTECTED_NOTICE = "That message reads as someone who may be in crisis. I never delete, "
            + "mute or warn for such a message; the member was offered support privately. Please reach out to them "
            + "kindly instead.";

    private final RuleCache rules;
    private final WarningStore warnings;
    private final CaseLog cases;
    private final RateLimitStore limits;
    private Enforcement enforcement;
    private NewcomerGate gate;
    private org.fellowship.core.command.CommandRegistry commands;

    public ModerationFeature(RuleStore rules, WarningStore warnings, CaseLog cases, RateLimitStore limits) {
        this.rules = new RuleCache(Objects.requireNonNull(rules, "rules"));
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void install(FeatureRegistry registry, BotContext ctx) {
        this.commands = ctx.commands();
        this.enforcement = new Enforcement(rules, warnings, cases, ctx);
        FilterCommands filter = new FilterCommands(rules);
        MemberCommands members = new MemberCommands(rules, warnings, cases, enforcement);
        // "/filter test <text>" and "/filter add <pattern>" quote sample text, not the moderator's own words.
        registry.commandQuoting("filter", "add|list|test|mode|remove|allow-domain|exempt ...",
                "Moderators: filter rules (see /filter for help)", Access.MODERATOR, filter::handle,
                FilterCommands::quotesSample);
        registry.command("warn", "<member> <reason>", "Moderators: warn a member (reply to their message)",
                Access.MODERATOR, members::warn);
        registry.command("warnings", "<member>", "Moderators: a member's active warnings", Access.MODERATOR,
                members::warnings);
        registry.command("unwarn", "<member> [case]", "Moderators: remove a member's latest (or given) warning",
                Access.MODERATOR, members::unwarn);
        registry.command("case", "<number>", "Moderators: show one moderation case", Access.MODERATOR, members::showCase);
        registry.command("cases", "<member>", "Moderators: a member's latest moderation cases", Access.MODERATOR,
                members::cases);
        registry.command("modlog", "here|off", "Moderators: post every moderation case in this chat",
                Access.MODERATOR, this::modlog);
        registry.command("modalerts", "on|off", "Moderators: get reports and review requests in private",
                Access.MODERATOR, this::modalerts);
        registry.command("warnconfig", "decay <30d> | ladder <3:mute:1h 5:kick ...>",
                "Moderators: warning decay and automatic actions", Access.MODERATOR, members::warnconfig);
        registry.command("report", "[reason]", "Reply to a message with /report to tell the moderators privately",
                Access.EVERYONE, this::report);
        registry.command("rules", "", "Show this group's rules (moderators: /rules set <text>)", Access.EVERYONE,
                this::rulesCommand);
        registry.command("welcome", "<text>|off", "Moderators: the welcome newcomers get", Access.MODERATOR,
                this::welcome);
        NewcomerGate gate = new NewcomerGate(rules, enforcement, ctx);
        this.gate = gate;
        registry.command("gate", "<question> | <right answer> | <other answer> ... | time <10m> | off",
                "Moderators: newcomers answer a question before they can write", Access.MODERATOR, gate::command);
        registry.button(NewcomerGate.BUTTON, gate::pressed);
        registry.due(gate);
        registry.button(REVIEW_BUTTON, this::reviewPressed);
        registry.button(REPORT_BUTTON, members::reportPressed);
        registry.guard(this::check);
        registry.listener(this::onEvent);
    }

    // ---------------------------------------------------------------- the guard

    /** The engine's moderation step for new and edited messages (see {@link org.fellowship.core.engine.MessageGuard}). */
    boolean check(Turn turn, String text, boolean flagged) {
        Conversation chat = turn.conversation();
        if (chat.isDirect() || chat.community() == null || knownCommand(text)) {
            return true;
        }
        MessageRef message = messageOf(turn.event());
        if (flagged) {
            // Never act on, log or excerpt a crisis message; remember it so manual actions leave it alone too.
            protect(turn, message);
            return true;
        }
        CommunityId community = chat.community();
        RuleSet set = rules.compiled(community);
        if (set.isEmpty() || exempt(turn.actor(), chat, set.settings())) {
            return true;
        }
        List<Hit> hits = new ArrayList<>(set.evaluate(text, mentions(turn.event())));
        if (!(turn.event() instanceof MessageEdited)) { // an edit is not one more message for flood or repeat rules
            hits.addAll(historyHits(set, community, turn.actor().id(), text, turn));
        }
        if (hits.isEmpty()) {
            return true;
        }
        if (turn.crisisOnSecondLook(text)) {
            // the semantic stage read a crisis the lexicon missed: handled as one, so protected, never punished
            protect(turn, message);
            return true;
        }
        return act(turn, community, message, text, hits);
    }

    private void protect(Turn turn, MessageRef message) {
        if (message != null) {
            try {
                cases.protect(message, PROTECT_TTL);
            } catch (StoreUnavailableException e) {
                LOG.warn("could not mark event {} as protected", turn.event().dedupeKey());
            }
        }
    }

    /** Commands the bot knows are left to their handlers; "/anything else" is checked like any message. */
    private boolean knownCommand(String text) {
        return CommandLine.parse(text).map(c -> commands.find(c.name()).isPresent()).orElse(false);
    }

    static boolean exempt(Member actor, Conversation chat, ModerationSettings settings) {
        return actor.moderator() || settings.exemptMentors() && actor.mentor()
                || settings.exemptChats().contains(chat.id().value());
    }

    private static MessageRef messageOf(InboundEvent event) {
        if (event instanceof MessageReceived m) {
            return m.message();
        }
        if (event instanceof CommandInvoked c) {
            return c.message();
        }
        return event instanceof MessageEdited e ? e.message() : null;
    }

    private static int mentions(InboundEvent event) {
        return event instanceof MessageReceived m ? m.mentionCount() : 0;
    }

    /** Flood and repeat rules, counted in the shared rate-limit store so every instance sees the same history. */
    private List<Hit> historyHits(RuleSet set, CommunityId community, ChatUserId member, String text, Turn turn) {
        if (set.historyRules().isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>(1);
        String scope = "mod-" + community.platform().code() + "-" + community.value();
        for (Rule rule : set.historyRules()) {
            String name = rule.kind() == RuleKind.FLOOD ? "flood-" + rule.id() + "-" + member.value()
                    : "repeat-" + rule.id() + "-" + member.value() + "-"
                    + Integer.toHexString(TextNormalizer.standard().fold(text).hashCode());
            try {
                Duration wait = limits.tryTake(scope, List.of(new RateLimitStore.Window(name, rule.limit(),
                        rule.window())), turn.now());
                if (!wait.isZero()) {
                    hits.add(new Hit(rule, 0, 0, rule.kind() == RuleKind.FLOOD
                            ? "more than " + rule.limit() + " messages in " + Durations.format(rule.window())
                            : "the same text more than " + rule.limit() + " times in " + Durations.format(rule.window())));
                }
            } catch (StoreUnavailableException e) {
                LOG.warn("rate store unavailable; {} rule {} skipped in {}", rule.kind(), rule.id(), community);
            }
        }
        return hits;
    }

    /** Logs, queues for review or enforces; {@code false} when the message was removed. */
    private boolean act(Turn turn, CommunityId community, MessageRef message, String text, List<Hit> hits) {
        ChatUserId member = turn.actor().id();
        ConversationId chat = turn.conversation().id();
        String msgId = message == null ? null : message.messageId();
        Comparator<Hit> strength = Comparator.comparing(h -> h.rule().action());
        for (Hit h : hits) {
            if (h.rule().mode() == RuleMode.LOG_ONLY) {
                enforcement.record(new ModCase(community, 0, turn.now(), "log", null, member, chat, msgId,
                        h.rule().id(), h.why(), Excerpt.of(text, h.start(), h.end()), "log only"));
            }
        }
        Hit enforced = hits.stream().filter(h -> h.rule().mode() == RuleMode.ENFORCE).max(strength).orElse(null);
        Hit review = hits.stream().filter(h -> h.rule().mode() == RuleMode.REVIEW_FIRST).max(strength).orElse(null);
        boolean deleted = false;
        if (enforced != null) {
            deleted = enforce(turn, community, message, text, enforced, hits);
        }
        if (review != null && (enforced == null || review.rule().action().compareTo(enforced.rule().action()) > 0)) {
            requestReview(turn, community, message, text, review);
        }
        return !deleted;
    }

    private boolean enforce(Turn turn, CommunityId community, MessageRef message, String text, Hit hit, List<Hit> all) {
        Rule rule = hit.rule();
        ChatUserId member = turn.actor().id();
        ConversationId chat = turn.conversation().id();
        String excerpt = Excerpt.of(text, hit.start(), hit.end());
        String reason = hit.why() + also(all, hit);
        List<Enforcement.Outcome> outcomes = new ArrayList<>(enforcement.apply(rule.action() == ActionType.WARN
                ? ActionType.DELETE : rule.action(), rule.muteFor(), chat, message, member, turn.now()));
        boolean deleted = rule.action().deletes() && !outcomes.isEmpty() && outcomes.get(0).ok();
        ModCase recorded;
        if (rule.action() == ActionType.WARN) {
            recorded = enforcement.warn(community, chat, turn.conversation().title(), member, null,
                    "your message broke a group rule (" + kindPhrase(rule.kind()) + ")", rule.id(), excerpt, message,
                    turn.now()).warnCase();
            if (!outcomes.get(0).ok()) {
                enforcement.record(new ModCase(community, 0, turn.now(), "delete", null, member, chat,
                        message == null ? null : message.messageId(), rule.id(), reason, "", outcomes.get(0).text()));
            }
        } else {
            recorded = enforcement.record(new ModCase(community, 0, turn.now(), rule.action().word(), null, member,
                    chat, message == null ? null : message.messageId(), rule.id(), reason, excerpt,
                    Enforcement.combined(outcomes)));
        }
        String failures = Enforcement.combined(outcomes);
        if (rule.action() == ActionType.ALERT) {
            enforcement.notifyModerators(community, chat, "Alert: " + recorded.describe(), m -> List.of(), Set.of());
        } else if (!failures.equals("done")) {
            enforcement.notifyModerators(community, chat, "Case " + recorded.number() + " (rule #" + rule.id()
                    + ") needs you: " + failures, m -> List.of(), Set.of());
        }
        if (deleted && rule.action() != ActionType.WARN) {
            enforcement.tellMember(chat, member, "I removed your message in "
                    + (turn.conversation().title() == null ? "the group" : turn.conversation().title())
                    + ": it contained " + kindPhrase(rule.kind()) + ". "
                    + Enforcement.rulesPointer(rules.settings(community)));
        }
        return deleted;
    }

    private static String also(List<Hit> all, Hit main) {
        List<String> others = all.stream().filter(h -> h != main && h.rule().mode() == RuleMode.ENFORCE)
                .map(h -> "#" + h.rule().id()).toList();
        return others.isEmpty() ? "" : " (also fired: " + String.join(", ", others) + ")";
    }

    /** What a member is told their message contained; never the pattern itself. */
    static String kindPhrase(RuleKind kind) {
        return switch (kind) {
            case KEYWORD, PHRASE, REGEX -> "words this group's filter doesn't allow";
            case LINK -> "a link to a site that isn't on this group's allow-list";
            case INVITE -> "an invite to another group";
            case FLOOD -> "too many messages in a short time";
            case MENTIONS -> "too many mentions";
            case REPEAT -> "the same message repeated";
        };
    }

    private void requestReview(Turn turn, CommunityId community, MessageRef message, String text, Hit hit) {
        Rule rule = hit.rule();
        ChatUserId member = turn.actor().id();
        ConversationId chat = turn.conversation().id();
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "review", null, member, chat,
                message == null ? null : message.messageId(), rule.id(), hit.why(),
                Excerpt.of(text, hit.start(), hit.end()), "pending: waiting for a moderator"));
        Map<String, String> data = Map.of("p", chat.platform().lowerName(), "cv", community.value(),
                "chat", chat.value(), "msg", message == null ? "" : message.messageId(), "sub", member.value(),
                "n", Long.toString(c.number()), "act", rule.action().name(),
                "mute", Long.toString(rule.muteFor().toSeconds()), "rule", Integer.toString(rule.id()));
        String proposed = rule.action() == ActionType.MUTE ? "mute " + Durations.format(rule.muteFor())
                : rule.action().word();
        enforcement.notifyModerators(community, chat, "Review needed: " + c.describe() + "\nApprove to " + proposed
                + "; dismiss to leave the message.", m -> List.of(ButtonRow.of(
                enforcement.button("Approve", REVIEW_BUTTON, with(data, "d", "approve"), m),
                enforcement.button("Dismiss", REVIEW_BUTTON, with(data, "d", "dismiss"), m))), Set.of(member));
    }

    static Map<String, String> with(Map<String, String> data, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(data);
        copy.put(key, value);
        return copy;
    }

    private void reviewPressed(Turn turn, ButtonAction a) {
        Platform platform = Platform.parse(a.get("p"));
        CommunityId community = new CommunityId(platform, a.get("cv"));
        ConversationId group = new ConversationId(platform, a.get("chat"));
        ChatUserId me = turn.actor().id();
        if (!confirmModerator(turn, enforcement, group)) {
            return;
        }
        long number = Long.parseLong(a.get("n"));
        ChatUserId holder = cases.claim(community, number, me);
        if (!holder.equals(me)) {
            turn.replyPrivately("Case " + number + " was already handled by moderator " + holder.value() + ".");
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
            turn.replyPrivately(PROTECTED_NOTICE);
            return;
        }
        ActionType action = ActionType.valueOf(a.get("act"));
        Duration muteFor = Duration.ofSeconds(Long.parseLong(a.get("mute")));
        List<Enforcement.Outcome> outcomes = new ArrayList<>(enforcement.apply(
                action == ActionType.WARN ? ActionType.DELETE : action, muteFor, group, message, subject, turn.now()));
        ModCase c;
        if (action == ActionType.WARN) {
            c = enforcement.warn(community, group, null, subject, me, "your message broke a group rule (approved by "
                    + "a moderator)", ruleId, "", message, turn.now()).warnCase();
        } else {
            c = enforcement.record(new ModCase(community, 0, turn.now(), action.word(), me, subject, group,
                    message == null ? null : message.messageId(), ruleId, "approved review of case " + number, "",
                    Enforcement.combined(outcomes)));
        }
        String failures = Enforcement.combined(outcomes);
        turn.replyPrivately("Approved: " + action.word() + " (case " + c.number() + ")."
                + (failures.equals("done") ? "" : " But " + failures));
    }

    /** Re-checks with the platform that the presser moderates {@code group}; tells them when not. */
    static boolean confirmModerator(Turn turn, Enforcement enforcement, ConversationId group) {
        var answer = enforcement.isModerator(group, turn.actor().id());
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

    // ---------------------------------------------------------------- joins

    private void onEvent(Turn turn) {
        if (!(turn.event() instanceof MemberJoined) || turn.conversation().community() == null) {
            return;
        }
        ModerationSettings settings = rules.settings(turn.conversation().community());
        if (gate.joined(turn, settings)) {
            return; // welcomed once they answer
        }
        if (settings.welcomeText() != null) {
            turn.reply("Welcome, " + turn.actor().displayName() + "! " + settings.welcomeText()
                    + "\nSend /rules to read the group's rules.");
        }
    }

    // ---------------------------------------------------------------- small commands

    private void modlog(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        ModerationSettings s = rules.settings(community);
        switch (args.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "here" -> {
                rules.saveSettings(s.withModLog(turn.conversation().id()));
                turn.replyPrivately("Moderation cases will be posted in this chat. Keep it visible to moderators only.");
            }
            case "off" -> {
                rules.saveSettings(s.withModLog(null));
                turn.replyPrivately("The mod-log chat is off. Cases are still kept; see /case and /cases.");
            }
            default -> throw new UsageException("Say here (this chat becomes the mod-log) or off.");
        }
    }

    private void modalerts(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        String v = args.strip().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("on") && !v.equals("off")) {
            throw new UsageException("Say on or off.");
        }
        rules.saveSettings(rules.settings(community).withAlertReceiver(turn.actor().id(), v.equals("on")));
        turn.replyPrivately(v.equals("on") ? "You'll get reports and review requests for this group in private."
                : "You won't get reports and review requests in private any more.");
    }

    private void rulesCommand(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        ModerationSettings s = rules.settings(community);
        String a = args.strip();
        if (a.isEmpty()) {
            turn.reply(s.rulesText() == null ? "This group hasn't written down its rules yet." : s.rulesText());
            return;
        }
        // Setting the rules is a moderator's job: checked here on every use, like Access.MODERATOR.
        if (!turn.actor().moderator()) {
            turn.reply("Setting the rules is for moderators of this group. Send /rules to read them.");
            return;
        }
        if (!a.toLowerCase(java.util.Locale.ROOT).startsWith("set ") || a.substring(4).isBlank()) {
            throw new UsageException("Moderators set the rules with /rules set <text>.");
        }
        String text = a.substring(4).strip();
        if (text.length() > 3000) {
            throw new UsageException("Keep the rules under 3,000 characters.");
        }
        rules.saveSettings(s.withRulesText(text));
        turn.replyPrivately("Rules saved. Members see them with /rules, and warnings point to them.");
    }

    private void welcome(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        String a = args.strip();
        if (a.isEmpty()) {
            throw new UsageException("Give the welcome text, or off.");
        }
        if (a.length() > 1000) {
            throw new UsageException("Keep the welcome under 1,000 characters.");
        }
        boolean off = a.equalsIgnoreCase("off");
        rules.saveSettings(rules.settings(community).withWelcomeText(off ? null : a));
        turn.replyPrivately(off ? "Newcomers won't get a welcome message." : "Newcomers will be welcomed with it.");
    }

    // ---------------------------------------------------------------- reports

    private void report(Turn turn, String args) {
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
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        try {
            Duration wait = limits.tryTake("mod-report-" + community.platform().code() + "-" + community.value(),
                    List.of(new RateLimitStore.Window("reporter-" + reporter.value(), REPORT_LIMIT, REPORT_WINDOW)),
                    turn.now());
            if (!wait.isZero()) {
                long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
                turn.replyPrivately("You've sent " + REPORT_LIMIT + " reports in the last "
                        + Durations.format(REPORT_WINDOW) + ". Please wait about " + minutes + " min before the next. "
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
        String text = "Report (case " + c.number() + ") in " + (turn.conversation().title() == null ? "a group"
                : turn.conversation().title()) + ": member " + author.value() + "'s message " + reported.messageId()
                + " was reported by member " + reporter.value() + (reason.isEmpty() ? "." : ". Reason: " + reason)
                + (crisis ? "\n" + PROTECTED_NOTICE : "")
                + "\nClaim it so others know you're on it; resolve it when done.";
        Map<String, String> data = Map.of("p", chat.platform().lowerName(), "cv", community.value(), "chat",
                chat.value(), "n", Long.toString(c.number()), "sub", author.value());
        int delivered = enforcement.notifyModerators(community, chat, text, mod -> List.of(ButtonRow.of(
                enforcement.button("Claim", REPORT_BUTTON, with(data, "d", "claim"), mod),
                enforcement.button("Resolve", REPORT_BUTTON, with(data, "d", "resolve"), mod))),
                Set.of(author, reporter));
        if (delivered == 0 && rules.settings(community).modLog() == null) {
            turn.replyPrivately("Thank you. I couldn't reach a moderator privately right now (case " + c.number()
                    + " is recorded); please contact one directly.");
        } else {
            turn.replyPrivately("Thank you for telling us. The moderators have it privately; the member is not told "
                    + "who reported.");
        }
    }
}
