package org.fellowship.core.store;

import java.util.Objects;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.port.CommunityAliases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a platform gives a community a new id (a Telegram group upgraded to a supergroup): the alias is
 * recorded first, so events, due items and buttons that still carry the old id resolve to the new one from that
 * moment, then the {@link CommunityStateMover} brings what was stored under the old id over. A repeated report (the
 * service message twice, two instances at once, a send that finds the group moved) changes nothing. Thread-safe.
 */
public final class CommunityMigration {
    private static final Logger LOG = LoggerFactory.getLogger(CommunityMigration.class);

    private final CommunityAliases aliases;
    private final CommunityStateMover mover;

    public CommunityMigration(CommunityAliases aliases, CommunityStateMover mover) {
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        this.mover = Objects.requireNonNull(mover, "mover");
    }

    /**
     * {@code from} became {@code to}.
     *
     * @return how many records moved (0 when repeated, or when the step was refused, with a log line of ids: the
     *         same id, it would close a cycle, or {@code from} already became another id)
     */
    public int migrate(CommunityId from, CommunityId to) {
        if (from.equals(to)) {
            LOG.warn("community {} -> itself ignored: not a new id", from);
            return 0;
        }
        if (!aliases.record(from, to)) {
            LOG.warn("community {} -> {} refused: it would close a cycle or {} already has another id", from, to, from);
            return 0;
        }
        // To the end of the chain: a late report of an earlier step must not leave data on an id that moved on.
        return mover.move(from, aliases.current(from));
    }
}
