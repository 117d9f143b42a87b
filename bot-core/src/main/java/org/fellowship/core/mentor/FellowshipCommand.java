package org.fellowship.core.mentor;

import java.util.Locale;
import java.util.Set;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /fellowship} (moderators): lists the fellowship's own groups, and claims or gives up the group it is sent in
 * with the operator's claim code. Each code claims one group once; the next one is logged for the operator.
 */
final class FellowshipCommand {
    private static final Logger LOG = LoggerFactory.getLogger(FellowshipCommand.class);

    private final MentorStore store;
    private final FellowshipGroups groups;
    private final Subcommands routes;

    FellowshipCommand(MentorStore store, FellowshipGroups groups) {
        this.store = store;
        this.groups = groups;
        this.routes = Subcommands.of("fellowship")
                .bare(this::list)
                .sub("claim", this::claim)
                .sub("unclaim", (turn, rest) -> unclaim(turn))
                .otherwise((turn, args) -> {
                    throw new UsageException("Say /fellowship, /fellowship claim CODE or /fellowship unclaim.");
                });
    }

    void run(Turn turn, String args) {
        routes.handle(turn, args);
    }

    private void list(Turn turn) {
        Set<CommunityId> configured = groups.configured();
        Set<CommunityId> claimed = store.claimedCommunities();
        StringBuilder text = new StringBuilder("The fellowship's own groups (only they shape the mentor chain):");
        if (configured.isEmpty() && claimed.isEmpty()) {
            text.append(groups.everyGroupWhenNoneSet() ? " every group (none are set)."
                    : " none yet. A moderator claims a group with /fellowship claim CODE, sent in that group, "
                    + "with the claim code from the bot's log.");
        }
        configured.stream().map(c -> "\n\u2022 " + c.platform().code() + ":" + c.value() + " (configured)")
                .sorted().forEach(text::append);
        claimed.stream().map(c -> "\n\u2022 " + c.platform().code() + ":" + c.value() + " (claimed)")
                .sorted().forEach(text::append);
        turn.replyPrivately(text.toString());
    }

    private void claim(Turn turn, String rest) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Send /fellowship claim CODE in the group you want to claim.");
        }
        String code = rest.toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new UsageException("Give the claim code from the bot's log: /fellowship claim CODE.");
        }
        if (!store.claim(community, code, FellowshipGroups.freshCode())) {
            LOG.warn("claim of community {} refused: wrong code", community);
            turn.replyPrivately("That claim code is not right (each code claims one group once; the bot's "
                    + "log shows the current one).");
            return;
        }
        LOG.warn("community {} claimed as one of the fellowship's groups; the next claim code is {}", community,
                groups.claimCode());
        turn.replyPrivately("This group is now one of the fellowship's own: its mentors can go on call and its "
                + "moderators can set up the mentor chain. The code you used no longer works.");
    }

    private void unclaim(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Send /fellowship unclaim in the group to give up.");
        }
        if (groups.configured().contains(community)) {
            throw new UsageException("This group is configured by the operator (FELLOWSHIP_MENTOR_COMMUNITIES); "
                    + "only they can remove it.");
        }
        boolean removed = store.unclaim(community);
        LOG.warn("community {} unclaimed: {}", community, removed);
        turn.replyPrivately(removed ? "This group is no longer one of the fellowship's own."
                : "This group was not claimed.");
    }
}
