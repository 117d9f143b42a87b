package org.fellowship.moderation;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;

/**
 * {@code /filter add <kind> [pattern or numbers] [action]}: reads a new rule, checks its pattern and the group's rule
 * limits, and saves it in log-only mode so moderators can watch it before it acts.
 */
final class FilterAddCommand {
    static final int MAX_RULES = 1000;
    static final int MAX_REGEX_RULES = 50;
    private static final Pattern TRAILING_ACTION = Pattern.compile(
            "^(.*?)(?:\\s+((?:alert|delete|warn|kick|remove|ban)|(?:mute|timeout)(?::\\d{1,6}[smhd])?))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final RuleStore rules;

    FilterAddCommand(RuleStore rules) {
        this.rules = rules;
    }

    void add(Turn turn, CommunityId community, String rest) {
        FirstWord first = FirstWord.of(rest);
        RuleKind kind = RuleKind.parse(first.word());
        if (kind == null) {
            throw new UsageException("Say what to add: keyword, phrase, regex, link, invite, flood, repeat or mentions.");
        }
        Matcher m = TRAILING_ACTION.matcher(first.rest());
        if (!m.matches()) {
            throw new UsageException("I couldn't read that rule. Send /filter for examples.");
        }
        String body = m.group(1).strip();
        String actionText = m.group(2);
        if (actionText == null && ActionTypeWord.isAction(body)) {
            actionText = body; // "/filter add link delete": the only word is the action
            body = "";
        }
        ActionType action = ActionType.DELETE;
        Duration muteFor = Rule.DEFAULT_MUTE;
        if (actionText != null) {
            String[] a = actionText.split(":");
            action = ActionType.parse(a[0]);
            if (a.length > 1) {
                muteFor = Durations.parse(a[1]);
                if (muteFor == null || muteFor.compareTo(Duration.ofDays(28)) > 0 || muteFor.toSeconds() < 30) {
                    throw new UsageException("A mute lasts from 30s to 28d, e.g. mute:1h.");
                }
            }
        }
        List<Rule> existing = rules.rules(community);
        if (existing.size() >= MAX_RULES) {
            throw new UsageException("This group already has " + MAX_RULES + " rules; remove some first.");
        }
        int limit = 0;
        Duration window = Duration.ZERO;
        String pattern = "";
        switch (kind) {
            case KEYWORD, PHRASE, REGEX -> {
                pattern = kind == RuleKind.REGEX ? body : body.replaceAll("\\s+", " ");
                try {
                    RulePatterns.validate(kind, pattern);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                if (kind == RuleKind.REGEX && existing.stream().filter(r -> r.kind() == RuleKind.REGEX).count()
                        >= MAX_REGEX_RULES) {
                    throw new UsageException("This group already has " + MAX_REGEX_RULES + " regex rules.");
                }
            }
            case LINK, INVITE -> {
                if (!body.isEmpty()) {
                    throw new UsageException("A " + kind.word() + " rule takes only an action, e.g. /filter add "
                            + kind.word() + " delete.");
                }
            }
            case MENTIONS -> {
                limit = (int) number(body, 2, 50, "Give how many mentions fire it (2-50), e.g. /filter add mentions 5.");
            }
            case FLOOD, REPEAT -> {
                String[] nw = body.split("\\s+");
                if (nw.length != 2) {
                    throw new UsageException("Give a count and seconds, e.g. /filter add " + kind.word() + " 5 10s.");
                }
                limit = (int) number(nw[0], 1, 100, "The count goes from 1 to 100.");
                window = Durations.parse(nw[1].matches("\\d+") ? nw[1] + "s" : nw[1]);
                if (window == null || window.toSeconds() < 1 || window.compareTo(Duration.ofHours(24)) > 0) {
                    throw new UsageException("The time goes from 1s to 24h, e.g. 10s.");
                }
            }
            default -> throw new IllegalStateException("unknown kind");
        }
        Rule added = rules.add(new Rule(community, 0, kind, pattern, limit, window, action, muteFor, RuleMode.LOG_ONLY,
                turn.actor().id(), turn.now()));
        turn.replyPrivately("Added rule " + added.describe() + ".\nIt starts in log-only mode: it only writes to the "
                + "case log. Try it with /filter test <text>, then switch with /filter mode " + added.id()
                + " review or /filter mode " + added.id() + " enforce.");
    }

    private static long number(String text, long min, long max, String usage) {
        if (!text.strip().matches("\\d{1,6}")) {
            throw new UsageException(usage);
        }
        long n = Long.parseLong(text.strip());
        if (n < min || n > max) {
            throw new UsageException(usage);
        }
        return n;
    }

    /** Reads a lone action word. */
    private static final class ActionTypeWord {
        static boolean isAction(String text) {
            String t = text.strip();
            return !t.isEmpty() && !t.contains(" ") && ActionType.parse(t.split(":")[0]) != null;
        }
    }
}
