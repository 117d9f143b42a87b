package org.fellowship.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.MessageRef;

/** {@code /warn}, {@code /warnings}, {@code /unwarn}, {@code /case}, {@code /cases} and {@code /warnconfig}. */
final class MemberCommands {
    private static final int CASES_SHOWN = 10;

    private final RuleStore rules;
    private final WarningStore warnings;
    private final CaseLog cases;
    private final Enforcement enforcement;
    private final Subcommands warnconfig;

    MemberCommands(RuleStore rules, WarningStore warnings, CaseLog cases, Enforcement enforcement) {
        this.rules = rules;
        this.warnings = warnings;
        this.cases = cases;
        this.enforcement = enforcement;
        this.warnconfig = Subcommands.of("warnconfig")
                .bare(this::showWarnconfig)
                .sub("show", (turn, rest) -> showWarnconfig(turn))
                .sub("decay", Targets.inGroup(this::decay))
                .sub("ladder", Targets.inGroup(this::ladder))
                .otherwise((turn, args) -> {
                    throw new UsageException("Say decay <30d>, ladder <3:mute:1h 5:kick 7:ban> or show.");
                });
    }

    void warn(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        Targets.Target target = Targets.target(turn, args);
        String reason = target.rest();
        if (reason.isEmpty()) {
            throw new UsageException("Give a reason: the member is told it privately.");
        }
        if (reason.length() > Enforcement.MAX_REASON) {
            throw new UsageException("Keep the reason under " + Enforcement.MAX_REASON + " characters.");
        }
        MessageRef replied = Targets.repliedTo(turn);
        if (replied != null && cases.isProtected(replied)) {
            turn.replyPrivately(Enforcement.PROTECTED_NOTICE);
            return;
        }
        Enforcement.Warned w = enforcement.warn(community, turn.conversation().id(), turn.conversation().title(),
                target.member(), turn.actor().id(), reason, 0, "", replied, turn.now());
        ModeratorView view = enforcement.view();
        StringBuilder reply = new StringBuilder("Warning recorded as case ").append(w.warnCase().number())
                .append(". ").append(view.names(turn.conversation().id()).atStart(target.member())).append(" now has ")
                .append(w.activePoints()).append(w.activePoints() == 1 ? " active point" : " active points")
                .append(" and was told privately why.");
        w.ladderCase().ifPresent(c -> reply.append("\nWarning ladder: ").append(view.describe(c, turn.actor().id())));
        turn.replyPrivately(reply.toString());
    }

    void warnings(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        ChatUserId member = Targets.target(turn, args).member();
        List<Warning> active = warnings.active(community, member, turn.now());
        ModeratorView view = enforcement.view();
        String who = view.names(turn.conversation().id()).atStart(member);
        if (active.isEmpty()) {
            turn.replyPrivately(who + " has no active warnings.");
            return;
        }
        int points = active.stream().mapToInt(Warning::points).sum();
        List<String> lines = new ArrayList<>();
        lines.add(who + ": " + points + (points == 1 ? " active point" : " active points") + ".");
        for (Warning w : active) {
            lines.add("• case " + w.id() + ", " + view.when(w.at(), turn.actor().id()) + ": " + w.reason()
                    + " (counts until " + view.when(w.expiresAt(), turn.actor().id()) + ")");
        }
        turn.replyPrivately(String.join("\n", lines));
    }

    void unwarn(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        Targets.Target target = Targets.target(turn, args);
        List<Warning> active = warnings.active(community, target.member(), turn.now());
        String who = enforcement.view().names(turn.conversation().id()).apply(target.member());
        Warning chosen;
        if (target.rest().isEmpty()) {
            if (active.isEmpty()) {
                turn.replyPrivately(ModeratorView.capitalized(who) + " has no active warnings.");
                return;
            }
            chosen = active.get(active.size() - 1);
        } else {
            long id = parseNumber(target.rest(), "Give the warning's case number, e.g. /unwarn 42 17.");
            chosen = active.stream().filter(w -> w.id() == id).findFirst().orElseThrow(() -> new UsageException(
                    ModeratorView.capitalized(who) + " has no active warning with case number " + id + "."));
        }
        warnings.remove(community, target.member(), chosen.id());
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "unwarn", turn.actor().id(),
                target.member(), turn.conversation().id(), null, 0, "removed warning of case " + chosen.id(), "",
                "done"));
        turn.replyPrivately("Removed the warning of case " + chosen.id() + " (case " + c.number() + "). "
                + ModeratorView.capitalized(who) + " now has " + (active.size() - 1) + " active warnings.");
    }

    void showCase(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        long number = parseNumber(args, "Give a case number, e.g. /case 12.");
        Optional<ModCase> found = cases.find(community, number);
        turn.replyPrivately(found.map(c -> enforcement.view().describe(c, turn.actor().id()))
                .orElse("There's no case " + number + " in this group."));
    }

    void cases(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        ChatUserId member = Targets.target(turn, args).member();
        List<ModCase> about = cases.about(community, member, CASES_SHOWN);
        ModeratorView view = enforcement.view();
        ModeratorView.Names names = view.names(turn.conversation().id());
        if (about.isEmpty()) {
            turn.replyPrivately("No cases about " + names.apply(member) + ".");
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("Latest cases about " + names.apply(member) + ":");
        about.forEach(c -> lines.add("• " + c.describe(names, view.zone(turn.actor().id()))));
        turn.replyPrivately(String.join("\n", lines));
    }

    void warnconfig(Turn turn, String args) {
        Targets.community(turn);
        warnconfig.handle(turn, args);
    }

    private void showWarnconfig(Turn turn) {
        ModerationSettings s = rules.settings(Targets.community(turn));
        turn.replyPrivately("Warnings count for " + Durations.words(s.warningDecay()) + ". Ladder: "
                + describe(s.ladder()) + ".");
    }

    private void decay(Turn turn, CommunityId community, String value) {
        Duration d = Durations.parse(value);
        if (d == null || d.compareTo(Duration.ofHours(1)) < 0 || d.compareTo(Duration.ofDays(3650)) > 0) {
            throw new UsageException("Give how long warnings count, from 1h to 3650d, e.g. 30d.");
        }
        rules.saveSettings(rules.settings(community).withWarningDecay(d));
        turn.replyPrivately("New warnings count for " + Durations.words(d) + ".");
    }

    private void ladder(Turn turn, CommunityId community, String value) {
        ModerationSettings s = rules.settings(community);
        List<LadderStep> ladder = parseLadder(value);
        rules.saveSettings(s.withLadder(ladder));
        turn.replyPrivately("Warning ladder: " + describe(rules.settings(community).ladder()) + ".");
    }

    static List<LadderStep> parseLadder(String value) {
        if (value.equalsIgnoreCase("off")) {
            return List.of();
        }
        List<LadderStep> steps = new ArrayList<>();
        for (String token : value.split("[\\s,]+")) {
            String[] p = token.split(":");
            if (token.isEmpty() || p.length < 2 || p.length > 3 || !p[0].matches("\\d{1,4}")) {
                throw new UsageException("Write each step as points:action, e.g. 3:mute:1h 5:kick 7:ban (or off).");
            }
            ActionType action = ActionType.parse(p[1]);
            if (action == null || action == ActionType.WARN || action == ActionType.DELETE) {
                throw new UsageException("A ladder step can mute, kick, ban or alert.");
            }
            Duration mute = p.length == 3 ? Durations.parse(p[2]) : null;
            if (p.length == 3 && (mute == null || mute.compareTo(Duration.ofDays(28)) > 0)) {
                throw new UsageException("A mute lasts from 1m to 28d, e.g. 3:mute:1h.");
            }
            try {
                steps.add(new LadderStep(Integer.parseInt(p[0]), action, mute));
            } catch (IllegalArgumentException e) {
                throw new UsageException("Points go from 1 to 1000.");
            }
        }
        if (steps.size() > 10) {
            throw new UsageException("Keep the ladder to 10 steps.");
        }
        return steps;
    }

    private static String describe(List<LadderStep> ladder) {
        return ladder.isEmpty() ? "none" : String.join(", ", ladder.stream().map(LadderStep::describe).toList());
    }

    static long parseNumber(String text, String usage) {
        String t = text.strip();
        if (!t.matches("\\d{1,12}")) {
            throw new UsageException(usage);
        }
        return Long.parseLong(t);
    }
}
