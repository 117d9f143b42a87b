package org.fellowship.core.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * Check-in records, the index of when each member's next prompt or reminder is due, private notes, per-community
 * daily counts and community settings.
 *
 * <p><b>Threading:</b> thread-safe and shared by every engine instance. Record changes are compare-and-set
 * ({@link #replace}): of two racing changes to one member (two instances sending the same prompt, a prompt and an
 * answer) exactly one wins and the other re-reads. That is what makes a prompt go out once per (member, local
 * date): sending requires winning the change that moves {@link CheckinRecord#nextDay()} past that date.
 * <b>Nullness:</b> arguments non-null unless stated; missing things are empty optionals or collections.
 * <b>Failure:</b> {@link org.fellowship.core.port.StoreUnavailableException} on store outage; every write is one
 * atomic step (nothing half-written). Everything stored about a member is covered by {@link #export} and
 * {@link #erase}.
 */
public interface CheckinStore {

    Optional<CheckinRecord> find(ChatUserId member);

    /**
     * Replaces the member's record when the stored one still equals {@code expected} ({@code null}: none stored) and
     * indexes {@code nextEventAt} as the time the member's next prompt or reminder is due ({@code null}: nothing).
     *
     * @return {@code false} when the record changed meanwhile (nothing was written)
     */
    boolean replace(CheckinRecord expected, CheckinRecord updated, Instant nextEventAt);

    /** Up to {@code max} records whose indexed event is due at or before {@code now}, earliest first. */
    List<CheckinRecord> due(Instant now, int max);

    /** The earliest indexed event, if any. */
    Optional<Instant> nextEventAt();

    /** Stores the member's private note for a day (replacing an earlier one), keeping about the last 48 days. */
    void saveNote(ChatUserId member, LocalDate day, String note);

    /** The member's notes by date. */
    Map<LocalDate, String> notes(ChatUserId member);

    /** Counts one more member who checked in on {@code day} (their local date) in the community; returns the count. */
    long countCheckin(CommunityId community, LocalDate day);

    /** Members counted for the community on {@code day}. Counts expire after a few days. */
    long checkins(CommunityId community, LocalDate day);

    Optional<CommunityCheckins> community(CommunityId community);

    void saveCommunity(CommunityCheckins settings);

    /** The member's check-in record and notes, by descriptive name, as text. */
    Map<String, String> export(ChatUserId member);

    /** Deletes the member's record, index entry and notes; returns how many records went. */
    int erase(ChatUserId member);

    /** This store's part of {@code /export} and {@code /forget}. */
    default org.fellowship.core.store.MemberDataEraser asEraser() {
        return org.fellowship.core.store.MemberDataEraser.of(this::export, this::erase);
    }
}
