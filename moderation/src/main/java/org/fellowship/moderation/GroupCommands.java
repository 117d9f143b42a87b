package org.fellowship.moderation;

import java.util.Locale;
import org.fellowship.core.command.OnOff;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.event.MemberJoined;
import org.fellowship.core.model.Access;
import org.fellowship.core.model.CommunityId;

/**
 * A group's own moderation settings and texts: {@code /modlog}, {@code /modalerts}, {@code /rules} and
 * {@code /welcome}, and the welcome a newcomer gets on joining (after the {@link NewcomerGate} when one is set, or a
 * {@link RaidDefense} hold during a raid).
 * Thread-safe (stateless apart from its collaborators).
 */
final class GroupCommands {
    private final RuleStore rules;
    private final NewcomerGate gate;
    private final RaidDefense raids;
    private final Subcommands rulesRoutes;

    GroupCommands(RuleStore rules, NewcomerGate gate, RaidDefense raids) {
        this.rules = rules;
        this.gate = gate;
        this.raids = raids;
        this.rulesRoutes = Subcommands.of("rules")
                .bare(this::showRules)
                .otherwise(Access.MODERATOR, this::setRules)
                .refusing((turn, command) -> turn.reply("Setting the rules is for moderators of this group. Send "
                        + "/rules to read them."));
    }

    /** Welcomes a member who joined a group, unless the gate asks them its question first. */
    void onEvent(Turn turn) {
        if (!(turn.event() instanceof MemberJoined) || turn.conversation().community() == null) {
            return;
        }
        ModerationSettings settings = rules.settings(turn.conversation().community());
        boolean raid = raids.joined(turn, settings);
        if (gate.joined(turn, settings)) {
            return; // welcomed once they answer
        }
        if (raid) {
            raids.hold(turn, settings); // no question to ask: held until a moderator lets them in
            return;
        }
        if (settings.welcomeText() != null) {
            turn.reply("Welcome, " + turn.actor().displayName() + "! " + settings.welcomeText()
                    + "\nSend /rules to read the group's rules.");
        }
    }

    void modlog(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        ModerationSettings s = rules.settings(community);
        switch (args.strip().toLowerCase(Locale.ROOT)) {
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

    void modalerts(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        boolean on = OnOff.read(args).orElseThrow(() -> new UsageException("Say on or off."));
        rules.saveSettings(rules.settings(community).withAlertReceiver(turn.actor().id(), on));
        turn.replyPrivately(on ? "You'll get reports and review requests for this group in private."
                : "You won't get reports and review requests in private any more.");
    }

    /** {@code /rules} shows the group's rules; the rest is {@code /rules set <text>}, for moderators. */
    void rules(Turn turn, String args) {
        Targets.community(turn);
        rulesRoutes.handle(turn, args);
    }

    private void showRules(Turn turn) {
        ModerationSettings s = rules.settings(Targets.community(turn));
        turn.reply(s.rulesText() == null ? "This group hasn't written down its rules yet." : s.rulesText());
    }

    /** Reads the whole arguments: "set" then a space, then the rules. */
    private void setRules(Turn turn, String args) {
        ModerationSettings s = rules.settings(Targets.community(turn));
        String a = args.strip();
        if (!a.toLowerCase(Locale.ROOT).startsWith("set ") || a.substring(4).isBlank()) {
            throw new UsageException("Moderators set the rules with /rules set <text>.");
        }
        String text = a.substring(4).strip();
        if (text.length() > 3000) {
            throw new UsageException("Keep the rules under 3,000 characters.");
        }
        rules.saveSettings(s.withRulesText(text));
        turn.replyPrivately("Rules saved. Members see them with /rules, and warnings point to them.");
    }

    void welcome(Turn turn, String args) {
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
}
