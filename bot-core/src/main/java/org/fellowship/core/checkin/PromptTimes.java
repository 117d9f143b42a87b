package org.fellowship.core.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * Local wall-clock prompt times to instants, across daylight-saving changes: a time skipped by a spring-forward gap
 * fires at the first valid minute after the gap (02:30 -> 03:00), a time that happens twice in an autumn overlap fires
 * once, at its first occurrence.
 */
final class PromptTimes {
    private PromptTimes() {
    }

    static Instant promptAt(LocalDate day, LocalTime time, ZoneId zone) {
        LocalDateTime local = day.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant(); // an overlap resolves to the earlier offset: one instant
    }

    /** The member's first prompt date from {@code now}: today if today's time is still ahead, else tomorrow. */
    static LocalDate firstDay(Instant now, LocalTime time, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return promptAt(today, time, zone).isAfter(now) ? today : today.plusDays(1);
    }
}
