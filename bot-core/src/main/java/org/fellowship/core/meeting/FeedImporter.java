package org.fellowship.core.meeting;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.fellowship.core.meeting.feed.FeedException;
import org.fellowship.core.meeting.feed.FeedParser;
import org.fellowship.core.meeting.feed.ParsedFeed;
import org.fellowship.core.model.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a feed to a community's meetings: new meetings are added, changed ones replaced, and meetings the previous
 * import brought in that the feed no longer lists are removed (meetings added by hand are never removed). Shared by
 * {@code /meetings import} and the daily refresh.
 */
final class FeedImporter {
    private static final Logger LOG = LoggerFactory.getLogger(FeedImporter.class);
    private static final Object[] APPLY_LOCKS = IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    private final MeetingStore store;
    private final MeetingLookup lookup;
    private final FeedParser parser = new FeedParser();

    FeedImporter(MeetingStore store, MeetingLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    /**
     * Parses a feed and applies it.
     *
     * @throws FeedException when the feed is unusable; then nothing changed
     */
    ImportSummary apply(CommunityId community, String json) {
        // Imports finish on the feed source's threads too: one community's imports apply one at a time here.
        synchronized (APPLY_LOCKS[Math.floorMod(community.hashCode(), APPLY_LOCKS.length)]) {
            return applyLocked(community, json);
        }
    }

    private ImportSummary applyLocked(CommunityId community, String json) {
        ZoneId zone = lookup.zoneOf(community);
        ParsedFeed feed = parser.parse(json, zone);
        Map<String, Meeting> existing = new HashMap<>();
        store.meetings(community).forEach(m -> existing.put(m.slug(), m));
        List<Meeting> changed = new ArrayList<>();
        int added = 0;
        int updated = 0;
        Set<String> slugs = new TreeSet<>();
        for (Meeting m : feed.meetings()) {
            slugs.add(m.slug());
            Meeting old = existing.get(m.slug());
            if (old == null) {
                added++;
                changed.add(m);
            } else if (!old.equals(m)) {
                updated++;
                changed.add(m);
            }
        }
        store.saveAll(community, changed);
        int removed = 0;
        for (String gone : store.feedSlugs(community)) {
            if (!slugs.contains(gone) && store.remove(community, gone)) {
                removed++;
            }
        }
        store.setFeedSlugs(community, slugs);
        LOG.info("meeting import community={} added={} updated={} removed={} skipped={}", community, added, updated,
                removed, feed.skippedTotal());
        return new ImportSummary(added, updated, feed.meetings().size() - added - updated, removed, feed, zone,
                store.zone(community).isPresent());
    }
}
