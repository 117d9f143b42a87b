package org.fellowship.core.safety;

import org.fellowship.core.command.CommandNames;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;

/** {@code /resources}: the crisis lines for the member's country, or for the country they name. */
final class ResourcesCommand {
    private final PolicyLookup policies;
    private final CrisisResources resources;

    ResourcesCommand(PolicyLookup policies, CrisisResources resources) {
        this.policies = policies;
        this.resources = resources;
    }

    /** {@code /resources [country]}: the crisis lines, privately. */
    void run(Turn turn, String args) {
        CommunityPolicy policy = policies.of(turn);
        CrisisResources table = policy.resources(resources);
        String country;
        if (args.isBlank()) {
            country = PolicyLookup.countryFor(turn, policy);
        } else {
            country = table.countryCode(args);
            if (country == null) {
                throw new UsageException("I don't have lines for that country yet; here is the international "
                        + "directory: https://findahelpline.com");
            }
        }
        StringBuilder text = new StringBuilder("Crisis lines, free and there any time:\n");
        for (String line : table.linesFor(country)) {
            text.append("\u2022 ").append(line).append('\n');
        }
        text.append("If you'd like to talk to someone from this group, send " + CommandNames.HELP_NOW + ".");
        turn.replyPrivately(text.toString());
    }
}
