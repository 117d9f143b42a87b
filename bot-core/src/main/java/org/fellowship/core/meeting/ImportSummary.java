package org.fellowship.core.meeting;

import org.fellowship.core.meeting.feed.ParsedFeed;

/** What one feed import changed. */
record ImportSummary(int added, int updated, int unchanged, int removed, ParsedFeed feed) {
    boolean changedAnything() {
        return added + updated + removed > 0;
    }

    /** "Imported 3, skipped 1 (no time), updated 2, removed 1, unchanged 5." plus " Warnings: ..." if any. */
    String text() {
        return "Imported " + added + ", skipped " + feed.skippedSummary() + ", updated " + updated
                + (removed > 0 ? ", removed " + removed : "") + (unchanged > 0 ? ", unchanged " + unchanged : "")
                + "." + (feed.warnings().isEmpty() ? "" : " Warnings: " + feed.warningsSummary() + ".");
    }
}
