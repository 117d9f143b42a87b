package org.fellowship.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.OnOff;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.CommandHandler;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;

/**
 * {@code /filter}: list, test, switch modes of, and remove rules; the link allow-list; exemptions. Adding a rule is
 * {@link FilterAddCommand}.
 */
final class FilterCommands {
    static final String HELP = """
            Filter rules (moderators). New rules start in log-only mode.
            /filter add keyword <word, word*, *word or *word*> [action]
            /filter add phrase <several words> [action]
            /filter add regex <RE2 pattern> [action]
            /filter add link [action]   (links outside the allow-list)
            /filter add invite [action]
            /filter add flood <messages> <seconds> [action]
            /filter add repeat <times> <seconds> [action]
            /filter add mentions <count> [action]
            Actions: alert, delete (default), warn, mute[:1h], kick, ban.
            /filter list | /filter test <text> | /filter mode <id> off|log|review|enforce | /filter remove <id>
            /filter allow-domain <domain> | /filter allow-domain remove <domain>
            /filter exempt chat on|off | /filter exempt mentors on|off""";
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24}");

    private final RuleStore rules;
    private final Subcommands routes;

    FilterCommands(RuleStore rules) {
        this.rules = rules;
        FilterAddCommand add = new FilterAddCommand(rules);
        CommandHandler help = warned((turn, rest) -> turn.replyPrivately(HELP));
        CommandHandler allowDomain = Targets.inGroup(this::allowDomain);
        CommandHandler remove = Targets.inGroup(this::remove);
        this.routes = Subcommands.of("filter")
                .bare(turn -> help.handle(turn, ""))
                .sub("help", help)
                .sub("add", warned(Targets.inGroup(add::add)))
                .sub("list", warned(Targets.inGroup((turn, community, rest) -> list(turn, community))))
                .sub("test", Targets.inGroup(this::test))
                .sub("mode", warned(Targets.inGroup(this::mode)))
                .sub("remove", remove)
                .sub("delete", remove)
                .sub("allow-domain", allowDomain)
                .sub("allow_domain", allowDomain)
                .sub("allow", allowDomain)
                .sub("exempt", Targets.inGroup(this::exempt))
                .otherwise((turn, args) -> {
                    String sub = FirstWord.of(args).key();
                    throw new UsageException("I don't know /filter " + sub.substring(0, Math.min(20, sub.length()))
                            + ". Send /filter for the list.");
                });
    }

    /** {@code test <text>} and {@code add <kind> <pattern>}: sample text and rule patterns the moderator quotes. */
    static boolean quotesSample(String args) {
        String sub = FirstWord.of(args).key();
        return sub.equals("test") || sub.equals("add");
    }

    void handle(Turn turn, String args) {
        Targets.community(turn); // every subcommand, help too, is for the group being moderated
        routes.handle(turn, args);
    }

    /** Runs {@code handler}, then warns if the bot cannot see the messages the rules are for. */
    private static CommandHandler warned(CommandHandler handler) {
        return (turn, rest) -> {
            handler.handle(turn, rest);
            if (!seesAllMessages(turn)) {
                turn.replyPrivately(BLIND_WARNING);
            }
        };
    }

    /** Told to moderators setting up filters where the platform hides ordinary group messages from the bot. */
    static final String BLIND_WARNING = "Heads-up: I can't see ordinary messages in this group, only commands and "
            + "replies to me, so filter rules can't act on most messages. On Telegram, turn privacy mode off "
            + "(@BotFather, /setprivacy, Disable, then add me again) or make me an admin; on Discord, the bot's "
            + "operator enables the Message Content intent.";

    /** What the platform reports; {@code true} when it cannot be asked (no warning rather than a wrong one). */
    private static boolean seesAllMessages(Turn turn) {
        try {
            return turn.context().gateways().chat(turn.conversation().platform()).capabilities()
                    .readAllGroupMessages();
        } catch (RuntimeException e) {
            return true;
        }
    }

    private void list(Turn turn, CommunityId community) {
        List<Rule> all = rules.rules(community);
        ModerationSettings s = rules.settings(community);
        List<String> lines = new ArrayList<>();
        lines.add(all.isEmpty() ? "No filter rules yet. Send /filter for how to add one." : "Filter rules:");
        all.forEach(r -> lines.add(r.describe()));
        lines.add("Allowed link domains: " + String.join(", ", new TreeSet<>(s.allowedDomains())) + ".");
        lines.add("Exempt: moderators" + (s.exemptMentors() ? ", mentors" : "") + (s.exemptChats().isEmpty() ? ""
                : ", " + s.exemptChats().size() + " chat(s)") + ".");
        turn.replyPrivately(String.join("\n", lines));
    }

    private void test(Turn turn, CommunityId community, String text) {
        if (text.isEmpty()) {
            throw new UsageException("Give the text to test, e.g. /filter test buy followers now.");
        }
        List<Rule> all = rules.rules(community);
        RuleSet set = RuleSet.compile(all, rules.settings(community));
        List<Hit> hits = set.evaluate(text, 0);
        List<String> lines = new ArrayList<>();
        if (hits.isEmpty()) {
            lines.add("No rule would fire on that text.");
        } else {
            lines.add("These rules would fire:");
            for (Hit h : hits) {
                lines.add(h.rule().describe() + ": " + h.why() + " -> " + consequence(h.rule()));
            }
        }
        long off = all.stream().filter(r -> r.mode() == RuleMode.OFF).count();
        long history = all.stream().filter(r -> !r.kind().content() && r.mode() != RuleMode.OFF).count();
        if (off > 0) {
            lines.add(off + " rule(s) are off and were not checked.");
        }
        if (history > 0) {
            lines.add("Flood and repeat rules depend on message history and are not part of a test.");
        }
        lines.add("Moderators are always exempt. A message that reads as a crisis is never acted on, whatever fires.");
        turn.replyPrivately(String.join("\n", lines));
    }

    private static String consequence(Rule rule) {
        return switch (rule.mode()) {
            case OFF -> "nothing (off)";
            case LOG_ONLY -> "logged only";
            case REVIEW_FIRST -> "moderators asked to approve: " + rule.action().word();
            case ENFORCE -> rule.action().word() + " at once";
        };
    }

    private Rule existing(CommunityId community, String idText) {
        long id = MemberCommands.parseNumber(idText.startsWith("#") ? idText.substring(1) : idText,
                "Give the rule's number from /filter list, e.g. 3.");
        return rules.rules(community).stream().filter(r -> r.id() == id).findFirst().orElseThrow(() ->
                new UsageException("There's no rule #" + id + " in this group. See /filter list."));
    }

    private void mode(Turn turn, CommunityId community, String rest) {
        String[] p = rest.split("\\s+");
        if (p.length != 2) {
            throw new UsageException("Give a rule number and a mode, e.g. /filter mode 3 enforce.");
        }
        Rule rule = existing(community, p[0]);
        RuleMode mode = RuleMode.parse(p[1]);
        if (mode == null) {
            throw new UsageException("The modes are off, log, review and enforce.");
        }
        Rule updated = rules.replace(rule.withMode(mode)).orElseThrow(() ->
                new UsageException("Rule #" + rule.id() + " was just removed."));
        turn.replyPrivately("Rule " + updated.describe() + ".");
    }

    private void remove(Turn turn, CommunityId community, String rest) {
        Rule rule = existing(community, rest.strip());
        rules.remove(community, rule.id());
        turn.replyPrivately("Removed rule #" + rule.id() + ".");
    }

    private void allowDomain(Turn turn, CommunityId community, String rest) {
        String[] p = rest.strip().split("\\s+");
        boolean removing = p.length == 2 && p[0].equalsIgnoreCase("remove");
        String raw = removing ? p[1] : p[0];
        if (raw.isEmpty() || p.length > 2 || p.length == 2 && !removing) {
            throw new UsageException("Give one domain, e.g. /filter allow-domain meetings.example.org.");
        }
        String domain = raw.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("[/:?#].*$", "")
                .replaceFirst("^www\\.", "");
        if (!DOMAIN.matcher(domain).matches()) {
            throw new UsageException("That doesn't look like a domain; write it like example.org.");
        }
        ModerationSettings s = rules.settings(community);
        Set<String> domains = new LinkedHashSet<>(s.allowedDomains());
        if (removing) {
            domains.remove(domain);
        } else {
            if (domains.size() >= 200) {
                throw new UsageException("The allow-list holds up to 200 domains.");
            }
            domains.add(domain);
        }
        rules.saveSettings(s.withAllowedDomains(domains));
        turn.replyPrivately((removing ? "Removed " : "Allowed ") + domain + (removing ? " from the allow-list."
                : " and its subdomains: link rules leave it alone."));
    }

    private void exempt(Turn turn, CommunityId community, String rest) {
        String[] p = rest.toLowerCase(Locale.ROOT).split("\\s+");
        boolean on = (p.length == 2 ? OnOff.read(p[1]) : Optional.<Boolean>empty()).orElseThrow(() ->
                new UsageException("Say /filter exempt chat on|off (this chat) or /filter exempt mentors on|off."));
        ModerationSettings s = rules.settings(community);
        switch (p[0]) {
            case "chat" -> {
                Set<String> chats = new LinkedHashSet<>(s.exemptChats());
                if (on) {
                    chats.add(turn.conversation().id().value());
                } else {
                    chats.remove(turn.conversation().id().value());
                }
                rules.saveSettings(s.withExemptChats(chats));
                turn.replyPrivately(on ? "No filter rule applies in this chat now." : "Filter rules apply in this chat.");
            }
            case "mentors" -> {
                rules.saveSettings(s.withExemptMentors(on));
                turn.replyPrivately(on ? "Mentors are exempt from filter rules." : "Mentors follow the filter rules.");
            }
            default -> throw new UsageException("Say chat or mentors.");
        }
    }
}
