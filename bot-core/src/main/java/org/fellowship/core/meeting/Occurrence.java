package org.fellowship.core.meeting;

import java.time.Instant;
import java.time.ZonedDateTime;

/** One occurrence of a meeting, at its local start in the meeting's zone. */
public record Occurrence(Meeting meeting, ZonedDateTime start) {
    public Instant instant() {
        return start.toInstant();
    }

    public Instant end() {
        return instant().plus(meeting.duration());
    }
}
