package org.fellowship.moderation;

import java.time.Duration;
import java.time.Instant;

/**
 * Join-raid detection of a community ({@link RaidDefense}): whether it is on, its threshold, and whether raid mode is
 * on now. Immutable; the {@code with...} methods return changed copies.
 *
 * @param enabled     whether joins are counted at all (off unless moderators turn it on)
 * @param joins       raid mode starts when more than this many members join within {@code window}
 * @param window      the window joins are counted in
 * @param raids       how many raids the community has had, so each raid's end is its own due item
 * @param activeSince when the current raid mode started, or {@code null} when there is none
 */
public record RaidWatch(boolean enabled, int joins, Duration window, int raids, Instant activeSince) {
    public static final int DEFAULT_JOINS = 10;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    /** Raid mode ends by itself once joins stayed under the threshold this long. */
    public static final Duration QUIET = Duration.ofMinutes(10);
    /** Detection off, with the default threshold ready for when it is turned on. */
    public static final RaidWatch OFF = new RaidWatch(false, DEFAULT_JOINS, DEFAULT_WINDOW, 0, null);

    public RaidWatch {
        if (joins < 1 || window == null || window.isNegative() || window.isZero() || raids < 0) {
            throw new IllegalArgumentException("a raid threshold needs positive joins and window");
        }
    }

    /** Whether raid mode is on. */
    public boolean active() {
        return activeSince != null;
    }

    /** Detection on with this threshold; raid mode, if on, stays on. */
    public RaidWatch withThreshold(int joinCount, Duration within) {
        return new RaidWatch(true, joinCount, within, raids, activeSince);
    }

    /** The next raid, started at {@code at}. */
    public RaidWatch started(Instant at) {
        return new RaidWatch(enabled, joins, window, raids + 1, at);
    }

    /** Raid mode over; {@code stillEnabled} false turns detection off too. */
    public RaidWatch ended(boolean stillEnabled) {
        return new RaidWatch(stillEnabled && enabled, joins, window, raids, null);
    }
}
