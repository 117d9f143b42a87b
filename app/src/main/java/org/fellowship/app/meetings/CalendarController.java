package org.fellowship.app.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.MeetingStore;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.redis.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a community's meetings as iCalendar: {@code GET /calendar/{tg|dc}/{community}/{token}.ics} (every meeting)
 * and {@code GET /calendar/{tg|dc}/{community}/{token}/{slug}.ics} (one meeting). The URLs are stable, so calendar
 * apps can subscribe, and carry the community's {@link CalendarLinks} token, so nobody can fetch a schedule (with its
 * online-meeting links) by guessing a group id: a wrong token is a plain 404, like an unknown community.
 */
@RestController
public class CalendarController {
    /** Every exported series starts at its first occurrence on or after this fixed instant, so files are stable. */
    static final Instant SERIES_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    private static final Logger LOG = LoggerFactory.getLogger(CalendarController.class);

    private final MeetingStore meetings;
    private final Clock clock;
    private final MeetingCalendar calendar = new MeetingCalendar();
    private final CalendarLinks links;

    @Autowired
    public CalendarController(RedisStore store, Clock clock, CalendarLinks links) {
        this(store.meetings(), clock, links);
    }

    CalendarController(MeetingStore meetings, Clock clock, CalendarLinks links) {
        this.meetings = meetings;
        this.clock = clock;
        this.links = links;
    }

    @GetMapping("/calendar/{platform}/{community}/{token}.ics")
    public ResponseEntity<String> community(@PathVariable String platform, @PathVariable String community,
                                            @PathVariable String token) {
        CommunityId id = communityId(platform, community);
        if (id == null || !links.valid(id, token)) {
            return ResponseEntity.notFound().build();
        }
        return ics(id, meetings.meetings(id));
    }

    @GetMapping("/calendar/{platform}/{community}/{token}/{slug}.ics")
    public ResponseEntity<String> meeting(@PathVariable String platform, @PathVariable String community,
                                          @PathVariable String token, @PathVariable String slug) {
        CommunityId id = communityId(platform, community);
        if (id == null || !links.valid(id, token) || !slug.matches("[a-z0-9_-]{1,64}")) {
            return ResponseEntity.notFound().build();
        }
        return meetings.meeting(id, slug).map(m -> ics(id, List.of(m)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private ResponseEntity<String> ics(CommunityId id, List<Meeting> list) {
        if (list.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String body = calendar.render(id, list, SERIES_START, clock.instant().truncatedTo(ChronoUnit.DAYS));
        LOG.debug("calendar served community={} meetings={}", id, list.size());
        return ResponseEntity.ok().contentType(CALENDAR).body(body);
    }

    private static CommunityId communityId(String platform, String value) {
        if (value.length() > 64 || !value.matches("-?[A-Za-z0-9_]+")) {
            return null;
        }
        for (Platform p : Platform.values()) {
            if (p.code().equals(platform)) {
                return new CommunityId(p, value);
            }
        }
        return null;
    }
}
