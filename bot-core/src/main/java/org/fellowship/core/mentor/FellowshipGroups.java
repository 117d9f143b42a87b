package org.fellowship.core.mentor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.port.CommunityAliases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fellowship's own groups, the only ones the chain serves: those the operator configured and those a moderator
 * claimed with the operator's claim code. Anyone can add the bot to their own group; without this, an admin of such a
 * group could make themselves a mentor or take over the moderators' channel. A configured or claimed group that got a
 * new id (a Telegram group upgraded to a supergroup) keeps its place under its current id ({@link CommunityAliases}).
 * Claims are read from the store each time, so every instance agrees.
 */
final class FellowshipGroups {
    private static final Logger LOG = LoggerFactory.getLogger(FellowshipGroups.class);

    private final MentorStore store;
    private final Set<CommunityId> communities;
    private final boolean everyGroupWhenNoneSet;
    /** The ids groups have now; {@code null} until the chain is installed (then only turns bring them). */
    private final CommunityAliases aliases;

    /**
     * @param communities           the groups the operator configured
     * @param everyGroupWhenNoneSet whether every group is served while none is configured or claimed (local modes and
     *                              tests); otherwise none is
     */
    FellowshipGroups(MentorStore store, Set<CommunityId> communities, boolean everyGroupWhenNoneSet) {
        this(store, communities, everyGroupWhenNoneSet, null);
    }

    private FellowshipGroups(MentorStore store, Set<CommunityId> communities, boolean everyGroupWhenNoneSet,
                             CommunityAliases aliases) {
        this.store = store;
        this.communities = Set.copyOf(communities);
        this.everyGroupWhenNoneSet = everyGroupWhenNoneSet;
        this.aliases = aliases;
    }

    /** The same groups, knowing the ids they have now. */
    FellowshipGroups resolving(CommunityAliases with) {
        return new FellowshipGroups(store, communities, everyGroupWhenNoneSet, with);
    }

    /** The groups the operator configured (claimed ones are not among them). */
    Set<CommunityId> configured() {
        return communities;
    }

    boolean everyGroupWhenNoneSet() {
        return everyGroupWhenNoneSet;
    }

    /** The fellowship's groups: configured and claimed. */
    Set<CommunityId> all() {
        Set<CommunityId> claimed = store.claimedCommunities();
        if (claimed.isEmpty()) {
            return communities;
        }
        Set<CommunityId> all = new LinkedHashSet<>(communities);
        all.addAll(claimed);
        return all;
    }

    /**
     * Whether {@code community} (a current id) is one of the groups this chain serves ({@code null}: a private chat,
     * served).
     */
    boolean serves(CommunityId community) {
        return serves(community, aliases);
    }

    private boolean serves(CommunityId community, CommunityAliases now) {
        if (community == null) {
            return true;
        }
        Set<CommunityId> fellowship = all();
        if (fellowship.isEmpty() && everyGroupWhenNoneSet || fellowship.contains(community)) {
            return true;
        }
        if (now == null) {
            return false;
        }
        for (CommunityId group : fellowship) { // one configured or claimed before it got its current id
            if (group.platform() == community.platform() && now.current(group).equals(community)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #serves(CommunityId)} for a turn's chat; never throws. */
    boolean serves(Turn turn) {
        try {
            return serves(turn.conversation().community(), turn.context().aliases());
        } catch (RuntimeException e) {
            // the store is down: offer only where every group is served anyway
            return communities.isEmpty() && everyGroupWhenNoneSet;
        }
    }

    /**
     * The claim code the operator uses to make a group the fellowship's own ({@code /fellowship claim CODE}): made once
     * and kept in the store, so every instance and restart shows the same one until it is used.
     */
    String claimCode() {
        return store.claimCode(freshCode());
    }

    /** A new random claim code (16 characters from an unambiguous alphabet, 80 bits). */
    static String freshCode() {
        byte[] bytes = new byte[10];
        new java.security.SecureRandom().nextBytes(bytes);
        // base32 without padding: 16 characters, easy to type, 80 bits
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        long bits = 0;
        int held = 0;
        for (byte b : bytes) {
            bits = bits << 8 | (b & 0xff);
            held += 8;
            while (held >= 5) {
                code.append(alphabet.charAt((int) (bits >> (held - 5)) & 31));
                held -= 5;
            }
        }
        return code.toString();
    }

    /** Refuses mentor settings outside the fellowship's groups, naming the group so an operator can add it. */
    void requireServed(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (!serves(community)) {
            LOG.warn("mentor settings refused in community {}: not one of the fellowship's groups", community);
            throw new UsageException("Mentor settings belong to the fellowship's own groups, and this group ("
                    + community.platform().code() + ":" + community.value() + ") is not one of them. The bot's "
                    + "operator can claim it: a moderator sends /fellowship claim CODE here, with the claim code from "
                    + "the bot's log (or the operator adds it to FELLOWSHIP_MENTOR_COMMUNITIES).");
        }
    }

    /** The groups whose moderators may act on an alert: where it came from, and the fellowship's Telegram groups. */
    List<ConversationId> groupsOf(MentorAlert alert) {
        Set<ConversationId> groups = new LinkedHashSet<>();
        if (alert.origin() != null) {
            groups.add(alert.origin());
        }
        for (CommunityId c : all()) {
            if (c.platform() == alert.member().platform() && c.platform() == Platform.TELEGRAM) {
                groups.add(new ConversationId(c.platform(), c.value()));
            }
        }
        store.moderatorsChannel(alert.member().platform()).ifPresent(groups::add);
        return List.copyOf(groups);
    }
}
