package org.fellowship.core.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.CommandHandler;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.text.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /crisis} (moderators): a group's own crisis settings: added and allowed phrases, the threshold, a default
 * country and its own crisis lines.
 */
final class CrisisSettingsCommand {
    private static final Logger LOG = LoggerFactory.getLogger(CrisisSettingsCommand.class);
    private static final String SETTINGS_USAGE = "Use /crisis add CATEGORY [WEIGHT] PHRASE, /crisis allow PHRASE, "
            + "/crisis remove PHRASE, /crisis threshold 0.3-0.9, /crisis country CODE|off, "
            + "/crisis line CODE TEXT|off. Categories: suicidal_ideation, self_harm, overdose_lethal_means, "
            + "harm_to_others, relapse_danger.";

    private final CommunityPolicyStore policies;
    private final CrisisResources resources;
    private final Subcommands routes;

    /** A changed policy and the line that tells the moderator what changed. */
    private record Change(CommunityPolicy policy, String done) {
    }

    /** One subcommand's change to a group's policy. */
    @FunctionalInterface
    private interface Edit {
        Change apply(CommunityPolicy policy, String rest);
    }

    CrisisSettingsCommand(CommunityPolicyStore policies, CrisisResources resources) {
        this.policies = policies;
        this.resources = resources;
        this.routes = Subcommands.of("crisis")
                .bare(turn -> turn.replyPrivately(describe(policies.policy(group(turn)))))
                .sub("add", change("add", this::add))
                .sub("allow", change("allow", this::allow))
                .sub("remove", change("remove", this::remove))
                .sub("threshold", change("threshold", this::threshold))
                .sub("country", change("country", this::country))
                .sub("line", change("line", this::line))
                .otherwise((turn, args) -> {
                    throw new UsageException(SETTINGS_USAGE);
                });
    }

    /** {@code /crisis ...} (moderators), in the group whose settings change. */
    void run(Turn turn, String args) {
        group(turn); // before any subcommand: the settings belong to a group
        routes.handle(turn, args);
    }

    private static CommunityId group(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Send /crisis in your group's chat: the settings belong to a group.");
        }
        return community;
    }

    /** Applies {@code edit} to the group's policy, saves it and tells the moderator. */
    private CommandHandler change(String subcommand, Edit edit) {
        return (turn, rest) -> {
            CommunityId community = group(turn);
            Change change = edit.apply(policies.policy(community), rest);
            policies.save(community, change.policy());
            LOG.info("crisis settings '{}' changed for community {}", subcommand, community);
            turn.replyPrivately(change.done());
        };
    }

    private Change add(CommunityPolicy policy, String rest) {
        String[] words = rest.split("\\s+", 3);
        CrisisCategory category = words.length < 2 ? null : CrisisCategory.parse(words[0]);
        if (category == null) {
            throw new UsageException("Give a category and a phrase, for example /crisis add self_harm 0.7 "
                    + "do the thing. " + SETTINGS_USAGE);
        }
        double weight = 0.6;
        String phrase = rest.substring(words[0].length()).strip();
        if (words[1].matches("0?\\.\\d+|1(\\.0+)?")) {
            weight = Double.parseDouble(words[1]);
            phrase = words.length > 2 ? words[2] : "";
        }
        phrase = plainPhrase(phrase);
        if (policy.additions().size() >= CommunityPolicy.MAX_ENTRIES) {
            throw new UsageException("This group already has " + CommunityPolicy.MAX_ENTRIES
                    + " added phrases; remove some first.");
        }
        return new Change(policy.withAddition(new LexiconEntry(phrase, category, weight)),
                "Added \"" + phrase + "\" (" + category.label() + ", weight " + weight + ").");
    }

    private Change allow(CommunityPolicy policy, String rest) {
        String phrase = plainPhrase(rest);
        if (policy.allowList().size() >= CommunityPolicy.MAX_ENTRIES) {
            throw new UsageException("The allow-list is full; remove some phrases first.");
        }
        return new Change(policy.withAllowed(phrase), "\"" + phrase + "\" no longer counts as crisis language here.");
    }

    private Change remove(CommunityPolicy policy, String rest) {
        String phrase = plainPhrase(rest);
        CommunityPolicy changed = policy.without(phrase);
        if (changed.equals(policy)) {
            throw new UsageException("\"" + phrase + "\" is neither added nor allowed here.");
        }
        return new Change(changed, "Removed \"" + phrase + "\".");
    }

    private Change threshold(CommunityPolicy policy, String rest) {
        if (!rest.matches("0?\\.\\d{1,2}") || Double.parseDouble(rest) < 0.3 || Double.parseDouble(rest) > 0.9) {
            throw new UsageException("Give a threshold from 0.3 (more alerts) to 0.9 (fewer); the default is "
                    + DetectorThresholds.defaults().crisis() + ".");
        }
        DetectorThresholds t = policy.thresholds();
        double crisis = Double.parseDouble(rest);
        DetectorThresholds changed = new DetectorThresholds(crisis, t.relapse(), Math.max(t.high(), crisis));
        return new Change(policy.withThresholds(changed), "Crisis threshold set to " + crisis + ".");
    }

    private Change country(CommunityPolicy policy, String rest) {
        if (rest.equalsIgnoreCase("off")) {
            return new Change(policy.withCountry(null),
                    "No default country: members whose country I can't tell see every line.");
        }
        String code = countryCode(policy, rest);
        return new Change(policy.withCountry(code),
                "Members whose country I can't tell from their time zone get the lines for " + code + ".");
    }

    private Change line(CommunityPolicy policy, String rest) {
        FirstWord words = FirstWord.of(rest);
        if (words.rest().isEmpty()) {
            throw new UsageException("Give a country code and the line, for example /crisis line DE "
                    + "Telefonseelsorge 0800 111 0 111 (free, 24/7), or /crisis line DE off.");
        }
        String code = countryCode(policy, words.word());
        if (words.rest().equalsIgnoreCase("off")) {
            return new Change(policy.withLines(code, null), "Back to the built-in lines for " + code + ".");
        }
        String line = words.rest().replaceAll("\\p{Cntrl}", " ");
        if (line.length() > 300) {
            throw new UsageException("A crisis line is at most 300 characters.");
        }
        List<String> lines = new ArrayList<>(policy.lines().getOrDefault(code, List.of()));
        if (lines.size() >= 5 || !policy.lines().containsKey(code)
                && policy.lines().size() >= CommunityPolicy.MAX_ENTRIES) {
            throw new UsageException("That is enough lines for " + code + "; /crisis line " + code
                    + " off starts over.");
        }
        lines.add(line);
        return new Change(policy.withLines(code, lines),
                "Members in " + code + " now see: " + String.join(" / ", lines));
    }

    private String countryCode(CommunityPolicy policy, String typed) {
        String known = policy.resources(resources).countryCode(typed);
        if (known != null) {
            return known;
        }
        if (typed.strip().matches("(?i)[a-z]{2}")) {
            return typed.strip().toUpperCase(Locale.ROOT);
        }
        throw new UsageException("Give a two-letter country code such as US, GB or DE.");
    }

    /** A phrase as the lexicon writes it: folded, lower case, no apostrophes; at most 8 words. */
    private static String plainPhrase(String typed) {
        String phrase = TextNormalizer.standard().normalize(typed).text().strip();
        if (phrase.isEmpty() || phrase.length() > 80 || phrase.split("\\s+").length > 8) {
            throw new UsageException("Give a phrase of 1 to 8 words. " + SETTINGS_USAGE);
        }
        return phrase;
    }

    private static String describe(CommunityPolicy p) {
        StringBuilder sb = new StringBuilder("Crisis settings for this group:\n");
        sb.append("Threshold ").append(p.thresholds().crisis()).append(" (default ")
                .append(DetectorThresholds.defaults().crisis()).append(")\n");
        sb.append("Added phrases: ").append(p.additions().isEmpty() ? "none" : p.additions().stream()
                .map(e -> e.phrase() + " (" + e.category().name().toLowerCase(Locale.ROOT) + " " + e.weight() + ")")
                .collect(java.util.stream.Collectors.joining(", "))).append('\n');
        sb.append("Allowed phrases: ").append(p.allowList().isEmpty() ? "none"
                : String.join(", ", new java.util.TreeSet<>(p.allowList()))).append('\n');
        sb.append("Default country: ").append(p.country() == null ? "none" : p.country()).append('\n');
        sb.append("Own crisis lines: ").append(p.lines().isEmpty() ? "none" : String.join(", ", p.lines().keySet()))
                .append('\n').append(SETTINGS_USAGE);
        return sb.toString();
    }
}
