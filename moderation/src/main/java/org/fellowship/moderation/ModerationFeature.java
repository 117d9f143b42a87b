package org.fellowship.moderation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fellowship.core.model.Access;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.store.MemberDataEraser;

/**
 * Group moderation: filter rules with rollout modes checked on every new and edited group message, warnings with
 * a ladder and decay, reports, a numbered case log with an optional mod-log chat, and the community's rules and
 * welcome texts.
 *
 * <p>Safety first: the engine runs the safety screen before this guard, and a message it flagged is never deleted,
 * muted, warned or even logged here, in any mode; it is remembered (without text) so a later manual action in reply
 * to it is refused too (see {@link RuleGuard}). Moderators (and, if the community says so, mentors) are exempt from
 * rules. Moderation commands are {@link Access#MODERATOR}: the engine checks the platform's moderator flag on every
 * use, and moderation buttons pressed in a DM ask the platform's moderator list again.
 *
 * <p>Moderators act by hand too: ban, unban, kick, mute and unmute a member, purge recent messages and set slow mode
 * ({@link MemberActions}, {@link ChatCleanup}), each a numbered case, answered privately.
 *
 * <p>Join raids: with {@code /raid on}, a burst of joins starts raid mode, which holds newcomers and tells the
 * moderators once ({@link RaidDefense}).
 *
 * <p>This class only installs the pieces; each command family and handler is its own class.
 */
public final class ModerationFeature implements Feature {
    private final RuleCache rules;
    private final WarningStore warnings;
    private final CaseLog cases;
    private final RateLimitStore limits;
    private final RecentMessages recent = new RecentMessages();

    public ModerationFeature(RuleStore rules, WarningStore warnings, CaseLog cases, RateLimitStore limits) {
        this.rules = new RuleCache(Objects.requireNonNull(rules, "rules"));
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Moderation's part of {@code /export} and {@code /forget}: the case log (cases stay, without the member's words)
     * and the ids of the member's recent messages this instance keeps in memory for {@code /purge} (dropped on
     * {@code /forget}; neither exported nor counted, as they are not stored records).
     */
    public MemberDataEraser eraser() {
        return MemberDataEraser.combined(List.of(cases.asEraser(), MemberDataEraser.of(member -> Map.of(),
                member -> {
                    recent.forgetMember(member);
                    return 0;
                }, member -> false)));
    }

    @Override
    public void install(FeatureRegistry registry, BotContext ctx) {
        Enforcement enforcement = new Enforcement(rules, warnings, cases, ctx);
        FilterCommands filter = new FilterCommands(rules);
        MemberCommands members = new MemberCommands(rules, warnings, cases, enforcement);
        ReportCommands reports = new ReportCommands(rules, cases, limits, enforcement);
        ReviewQueue reviews = new ReviewQueue(cases, enforcement);
        NewcomerGate gate = new NewcomerGate(rules, enforcement, ctx);
        RaidDefense raids = new RaidDefense(rules, enforcement, limits, ctx);
        GroupCommands group = new GroupCommands(rules, gate, raids);
        MemberActions actions = new MemberActions(cases, enforcement, ctx);
        ChatCleanup cleanup = new ChatCleanup(cases, enforcement, recent);
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
        registry.command("ban", "<member> [7d] [reason]", "Moderators: ban a member (for a while, or for good)",
                Access.MODERATOR, actions::ban);
        registry.command("unban", "<member>", "Moderators: lift a member's ban", Access.MODERATOR, actions::unban);
        registry.command("kick", "<member> [reason]", "Moderators: remove a member (they may rejoin)",
                Access.MODERATOR, actions::kick);
        registry.command("mute", "<member> [2h] [reason]", "Moderators: stop a member writing for a while (1h unless "
                + "given)", Access.MODERATOR, actions::mute);
        registry.command("unmute", "<member>", "Moderators: lift a member's mute", Access.MODERATOR, actions::unmute);
        registry.command("purge", "<1-" + ChatCleanup.MAX_PURGE + ">",
                "Moderators: delete the latest messages (reply to a message: that member's)", Access.MODERATOR,
                cleanup::purge);
        registry.command("slowmode", "<seconds>|off", "Moderators: members wait between messages (Discord)",
                Access.MODERATOR, cleanup::slowmode);
        registry.command("modlog", "here|off", "Moderators: post every moderation case in this chat",
                Access.MODERATOR, group::modlog);
        registry.command("modalerts", "on|off", "Moderators: get reports and review requests in private",
                Access.MODERATOR, group::modalerts);
        registry.command("warnconfig", "decay <30d> | ladder <3:mute:1h 5:kick ...>",
                "Moderators: warning decay and automatic actions", Access.MODERATOR, members::warnconfig);
        registry.command("report", "[reason]", "Reply to a message with /report to tell the moderators privately",
                Access.EVERYONE, reports::report);
        registry.command("rules", "", "Show this group's rules (moderators: /rules set <text>)", Access.EVERYONE,
                group::rules);
        registry.command("welcome", "<text>|off", "Moderators: the welcome newcomers get", Access.MODERATOR,
                group::welcome);
        registry.command("gate", "<question> | <right answer> | <other answer> ... | time <10m> | off",
                "Moderators: newcomers answer a question before they can write", Access.MODERATOR, gate::command);
        registry.command("raid", "on [joins] [seconds] | off | disable",
                "Moderators: hold newcomers when many join at once (join raids)", Access.MODERATOR, raids::command);
        registry.button(NewcomerGate.BUTTON, gate::pressed);
        registry.button(RaidDefense.BUTTON, raids::pressed);
        registry.due(raids);
        registry.due(gate);
        registry.due(actions);
        registry.button(ReviewQueue.REVIEW_BUTTON, reviews::pressed);
        registry.button(ReportCommands.REPORT_BUTTON, reports::pressed);
        RuleGuard guard = new RuleGuard(rules, cases, enforcement, ctx.commands(), new HistoryRules(limits), reviews);
        registry.guard(guard::check);
        registry.listener(group::onEvent);
        registry.listener(recent::record);
    }
}
