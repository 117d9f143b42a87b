package org.fellowship.core.safety;

import org.fellowship.core.engine.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The community policy a turn runs under, read so that a store outage never stops crisis support: the defaults stand
 * in for a policy that cannot be read.
 */
final class PolicyLookup {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyLookup.class);

    private final CommunityPolicyStore policies;

    PolicyLookup(CommunityPolicyStore policies) {
        this.policies = policies;
    }

    /** The community's policy, or the defaults in a direct chat or when the store cannot be read. */
    CommunityPolicy of(Turn turn) {
        try {
            return policies.policy(turn.conversation().community());
        } catch (RuntimeException e) {
            LOG.warn("community policy unavailable for event {}; using defaults", turn.event().dedupeKey());
            return CommunityPolicy.defaults();
        }
    }

    /** The member's country from their time zone, else the community's, else {@code null} (all lines). */
    static String countryFor(Turn turn, CommunityPolicy policy) {
        String fromZone = CrisisResources.countryOf(turn.profile().zone());
        return fromZone != null ? fromZone : policy.country();
    }
}
