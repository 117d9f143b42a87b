package org.fellowship.core.milestone;

import java.time.LocalDate;
import org.fellowship.core.engine.Turn;

/** Reads what the milestone commands need about the member who sent a command. */
final class MemberLookup {
    private final MilestoneStore store;

    MemberLookup(MilestoneStore store) {
        this.store = store;
    }

    /** The sender's record, or a fresh one (nothing saved yet) for a member the feature has not seen. */
    MemberMilestones mine(Turn turn) {
        return store.find(turn.actor().id()).orElseGet(() -> MemberMilestones.fresh(turn.actor().id()));
    }

    /** Today in the sender's zone: clean time is counted on local dates. */
    static LocalDate today(Turn turn) {
        return CleanTime.today(turn.now(), turn.zone());
    }
}
