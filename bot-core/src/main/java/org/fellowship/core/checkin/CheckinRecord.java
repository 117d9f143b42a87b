package org.fellowship.core.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;

/**
 * Everything the bot keeps about one member's daily check-ins (health data: private, exported and erased with the
 * member's data). Immutable; the {@code with...} methods return changed copies.
 *
 * @param member     whose record it is
 * @param enabled    prompts are on
 * @param time       local prompt time
 * @param zone       the member's zone when they last used a check-in command or answered
 * @param nudges     one reminder after an unanswered prompt
 * @param weekly     a private weekly summary with Monday's prompt
 * @param nextDay    local date of the next prompt to send (the idempotency key of prompts: each is sent once, when
 *                   this advances past its date); {@code null} when off
 * @param nudgeDay   local date whose reminder is still pending, or {@code null}
 * @param community  the community the member opted in from (group summary counts), or {@code null}
 * @param origin     the group chat they opted in from (where a content-free pointer may go when no DM is possible),
 *                   or {@code null}
 * @param awayUntil  last local date of away mode, or {@code null}
 * @param mentor     the mentor the member named, or {@code null}
 * @param consent    the member agreed that risk signals go to {@code mentor}
 * @param name       the name the mentor sees (kept only while consent is given), or {@code null}
 * @param signalDay  local date of the last risk signal (at most one a day), or {@code null}
 * @param noteUntil  until when a plain message in the member's DM is taken as the note for {@code noteDay}, or
 *                   {@code null}
 * @param noteDay    the date a pending note belongs to, or {@code null}
 * @param log        recent days
 */
public record CheckinRecord(ChatUserId member, boolean enabled, LocalTime time, ZoneId zone, boolean nudges,
                            boolean weekly, LocalDate nextDay, LocalDate nudgeDay, CommunityId community,
                            ConversationId origin, LocalDate awayUntil, ChatUserId mentor, boolean consent,
                            String name, LocalDate signalDay, Instant noteUntil, LocalDate noteDay, DayLog log) {
    public CheckinRecord {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(log, "log");
    }

    /** A member who has never opted in: off, default time, log starting today. */
    public static CheckinRecord fresh(ChatUserId member, LocalTime time, ZoneId zone, LocalDate today) {
        return new CheckinRecord(member, false, time, zone, true, false, null, null, null, null, null, null, false,
                null, null, null, null, DayLog.startingOn(today));
    }

    public CheckinRecord withSchedule(boolean on, LocalTime at, ZoneId z, LocalDate next) {
        return new CheckinRecord(member, on, at, z, nudges, weekly, next, on ? nudgeDay : null, community, origin,
                awayUntil, mentor, consent, name, signalDay, noteUntil, noteDay, log);
    }

    public CheckinRecord withZone(ZoneId z) {
        return new CheckinRecord(member, enabled, time, z, nudges, weekly, nextDay, nudgeDay, community, origin,
                awayUntil, mentor, consent, name, signalDay, noteUntil, noteDay, log);
    }

    public CheckinRecord withPlace(CommunityId c, ConversationId o) {
        return new CheckinRecord(member, enabled, time, zone, nudges, weekly, nextDay, nudgeDay, c, o, awayUntil,
                mentor, consent, name, signalDay, noteUntil, noteDay, log);
    }

    public CheckinRecord withNudges(boolean on) {
        return new CheckinRecord(member, enabled, time, zone, on, weekly, nextDay, on ? nudgeDay : null, community,
                origin, awayUntil, mentor, consent, name, signalDay, noteUntil, noteDay, log);
    }

    public CheckinRecord withWeekly(boolean on) {
        return new CheckinRecord(member, enabled, time, zone, nudges, on, nextDay, nudgeDay, community, origin,
                awayUntil, mentor, consent, name, signalDay, noteUntil, noteDay, log);
    }

    /** The same record after a prompt for {@code day} went out (or was skipped): next prompt, pending nudge. */
    public CheckinRecord promptedFor(LocalDate next, LocalDate pendingNudge) {
        return new CheckinRecord(member, enabled, time, zone, nudges, weekly, next, pendingNudge, community, origin,
                awayUntil, mentor, consent, name, signalDay, noteUntil, noteDay, log);
    }

    public CheckinRecord withAway(LocalDate until) {
        return new CheckinRecord(member, enabled, time, zone, nudges, weekly, nextDay, until == null ? nudgeDay : null,
                community, origin, until, mentor, consent, name, signalDay, noteUntil, noteDay, log);
    }

    public CheckinRecord withMentor(ChatUserId m, boolean agreed, String shownName) {
        return new CheckinRecord(member, enabled, time, zone, nudges, weekly, nextDay, nudgeDay, community, origin,
                awayUntil, m, m != null && agreed, m != null && agreed ? shownName : null, signalDay, noteUntil,
                noteDay, log);
    }

    public CheckinRecord withSignalDay(LocalDate day) {
        return new CheckinRecord(member, enabled, time, zone, nudges, weekly, nextDay, nudgeDay, community, origin,
                awayUntil, mentor, consent, name, day, noteUntil, noteDay, log);
    }

    public CheckinRecord withNoteWindow(Instant until, LocalDate day) {
        return new CheckinRecord(member, enabled, time, zone, nudges, weekly, nextDay, nudgeDay, community, origin,
                awayUntil, mentor, consent, name, signalDay, until, until == null ? null : day, log);
    }

    public CheckinRecord withLog(DayLog l) {
        return new CheckinRecord(member, enabled, time, zone, nudges, weekly, nextDay, nudgeDay, community, origin,
                awayUntil, mentor, consent, name, signalDay, noteUntil, noteDay, l);
    }

    /** Whether away mode covers {@code day}. */
    public boolean awayOn(LocalDate day) {
        return awayUntil != null && !day.isAfter(awayUntil);
    }

    /** Whether risk signals may go to a mentor: one is named and the member consented. */
    public boolean signalsAllowed() {
        return mentor != null && consent;
    }
}
