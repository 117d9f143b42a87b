package org.fellowship.core.meeting;

import java.time.ZoneId;
import org.fellowship.core.meeting.feed.ParsedFeed;

/**
 * What one feed import changed.
 *
 * @param zone           the zone the feed's meetings without one were read in
 * @param communityZone  whether that zone is the one moderators set with {@code /meetings zone} (not the default)
 */
record ImportSummary(int added, int updated, int unchanged, int removed, ParsedFeed feed, ZoneId zone,
                     boolean communityZone) {
    boolean changedAnything() {
        return added + updated + removed > 0;
    }

    /** The zone note (when the feed named no zone), then the {@link #counts()}: what the moderator is answered. */
    String text() {
        return zoneNote() + counts();
    }

    /** "Imported 3, skipped 1 (no time), updated 2, removed 1, unchanged 5." plus " Warnings: ..." if any. */
    String counts() {
        return "Imported " + added + ", skipped " + feed.skippedSummary() + ", updated " + updated
                + (removed > 0 ? ", removed " + removed : "") + (unchanged > 0 ? ", unchanged " + unchanged : "")
                + "." + (feed.warnings().isEmpty() ? "" : " Warnings: " + feed.warningsSummary() + ".");
    }

    /**
     * Says plainly which zone the times of meetings without one were read in (real feeds rarely name one), and how
     * to change it; {@code ""} when every meeting had a zone.
     */
    private String zoneNote() {
        int unzoned = feed.readInFallbackZone();
        if (unzoned == 0) {
            return "";
        }
        String which = unzoned == feed.meetings().size() ? "This feed names no time zone; its times are"
                : unzoned + " of this feed's meetings name no time zone; their times are";
        return which + " read as " + zone.getId() + (communityZone
                ? ", this group's zone (/meetings zone <Area/City> and import again to change it). "
                : ": set /meetings zone <Area/City> and import again if that is wrong. ");
    }
}
