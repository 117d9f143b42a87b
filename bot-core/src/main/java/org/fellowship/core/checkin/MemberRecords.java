package org.fellowship.core.checkin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;

/**
 * The record of the member a turn comes from: changed through {@link CheckinSchedule#update} (compare-and-set,
 * re-indexed), started fresh at the community's default time, moved to the community they asked in, and kept in
 * their current zone. Thread-safe (stateless apart from its collaborators).
 */
final class MemberRecords {
    private final CheckinStore store;
    private final CheckinSchedule schedule;

    MemberRecords(CheckinStore store, CheckinSchedule schedule) {
        this.store = store;
        this.schedule = schedule;
    }

    /** Applies {@code change} to the member's record (a fresh one when they have none) and stores the result. */
    CheckinRecord update(Turn turn, UnaryOperator<CheckinRecord> change) {
        CommunityId community = turn.conversation().community();
        return schedule.update(turn.actor().id(), fresh(turn), r -> {
            CheckinRecord placed = community == null || community.equals(r.community()) ? r
                    : r.withPlace(community, turn.conversation().id());
            return change.apply(placed.withZone(turn.zone()));
        }, turn.now());
    }

    private CheckinRecord fresh(Turn turn) {
        return CheckinRecord.fresh(turn.actor().id(), defaultTime(turn.conversation().community()), turn.zone(),
                today(turn));
    }

    /** The community's default prompt time (the member's community when asked in a DM), else 20:00. */
    LocalTime defaultTime(CommunityId community) {
        return Optional.ofNullable(community).flatMap(store::community).map(CommunityCheckins::defaultTime)
                .orElse(CommunityCheckins.DEFAULT_TIME);
    }

    /** The member's local date now. */
    static LocalDate today(Turn turn) {
        return LocalDate.ofInstant(turn.now(), turn.zone());
    }
}
