package org.fellowship.core.mentor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.MemberDataEraser;

/**
 * Durable state of the {@link MentorChain}: the roster of mentors (global, as the chain is), open alerts, the
 * one-open-alert-per-member index, the round-robin position of each tier and the alert id sequence. Kept outside the
 * process (Redis in production) so a restart mid-chain neither drops nor duplicates a page: the chain's due-queue
 * timers carry only an alert id and find the alert here.
 *
 * <p><b>Threading:</b> implementations are thread-safe and may be shared by several engine instances.
 * Roster writes are last-write-wins; alert changes are compare-and-set on {@link MentorAlert#revision()}, so of
 * two racing changes (two mentors pressing Take at once, an escalation timer delivered twice) exactly one wins.
 * <b>Nullness:</b> arguments are non-null unless stated; results are never {@code null}.
 * <b>Failure:</b> a store that cannot be reached throws {@link org.fellowship.core.port.StoreUnavailableException}
 * (or another runtime exception); nothing is half-written (every change is one atomic step). A record of an
 * unknown stored version is refused with an {@link IllegalStateException}, never misread.
 */
public interface MentorStore {
    /** Where an alert stands. */
    enum AlertState { OPEN, ACKNOWLEDGED, TAKEN, RESOLVED }

    /**
     * One alert: who needs help (minimum context: the member, a category and, when a flagged message led to it, a
     * short excerpt and a link; never their history), the tier paged last, who acknowledged or took it and when it
     * changed.
     *
     * @param memberName the member's display name, shown only to the mentor who takes the alert, or {@code null}
     * @param category {@code null} when the member asked directly
     * @param context  excerpt and link of the flagged message; {@link AlertContext#NONE} when the member asked
     *                 directly
     * @param mentor   the mentor who acknowledged or took it, or {@code null}
     * @param mentorName that mentor's display name, or {@code null}
     * @param revision the stored revision (1 when opened); set by the store, compared by {@link #update}
     * @param origin   the group chat where the member wrote the message that led to the alert (whose moderators may
     *                 act on it), or {@code null} when they wrote privately or asked directly
     */
    record MentorAlert(String id, ChatUserId member, String memberName, CrisisCategory category,
                       AlertContext context, int tier, AlertState state, ChatUserId mentor, String mentorName, Instant opened, Instant updated,
                       long revision, ConversationId origin) {
        public MentorAlert {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(opened, "opened");
            Objects.requireNonNull(updated, "updated");
            context = context == null ? AlertContext.NONE : context;
        }

        /** An alert without a known group of origin. */
        public MentorAlert(String id, ChatUserId member, String memberName, CrisisCategory category,
                           AlertContext context, int tier, AlertState state, ChatUserId mentor, String mentorName,
                           Instant opened, Instant updated, long revision) {
            this(id, member, memberName, category, context, tier, state, mentor, mentorName, opened, updated, revision,
                    null);
        }

        /** The same alert with a newer excerpt and link (a later, more severe message); its timers are unaffected. */
        MentorAlert withContext(AlertContext newer) {
            return new MentorAlert(id, member, memberName, category, newer, tier, state, mentor, mentorName, opened,
                    updated, revision, origin);
        }

        /** The same alert moved on (same revision: the store bumps it when the change is accepted). */
        public MentorAlert with(int newTier, AlertState newState, ChatUserId newMentor, String newMentorName,
                                Instant now) {
            return new MentorAlert(id, member, memberName, category, context, newTier, newState, newMentor, newMentorName,
                    opened, now, revision, origin);
        }

        public boolean open() {
            return state != AlertState.RESOLVED;
        }

        /** The same alert with this revision (stores set it). */
        public MentorAlert withRevision(long newRevision) {
            return new MentorAlert(id, member, memberName, category, context, tier, state, mentor, mentorName, opened,
                    updated, newRevision, origin);
        }
    }

    /** The roster entry of one mentor, if any. */
    Optional<Mentor> mentor(ChatUserId id);

    /** Adds or replaces a roster entry (last write wins). */
    void saveMentor(Mentor mentor);

    /** The whole roster, sorted by the mentor's platform id value. */
    List<Mentor> mentors();

    /** The next alert number: 1, 2, 3... never repeated for the store's life. */
    long nextAlertNumber();

    /** The round-robin position for {@code tier}, then advances it: 0, 1, 2... per tier. */
    long nextTurn(int tier);

    /**
     * Opens {@code alert} (revision 1) unless its member already has an alert that is not resolved, atomically.
     *
     * @return the member's existing unresolved alert, or the new one as stored when none existed
     */
    MentorAlert openIfNone(MentorAlert alert);

    /**
     * Remembers the context of the member's latest flagged message for {@code keepFor} (replacing an earlier one), so
     * an alert opened when they accept a mentor can carry it. Part of the member's export and erasure.
     */
    void rememberFlagged(ChatUserId member, AlertContext context, Duration keepFor);

    /** The context remembered by {@link #rememberFlagged} while it has not expired. */
    Optional<AlertContext> lastFlagged(ChatUserId member);

    /** The alert with this id, or empty when unknown or expired (a resolved alert is kept for a while only). */
    Optional<MentorAlert> alert(String id);

    /** The member's unresolved alert, if any. */
    Optional<MentorAlert> openAlertOf(ChatUserId member);

    /**
     * Replaces the alert when its stored revision still equals {@code next.revision()} (compare-and-set), bumping
     * the revision. Moving to {@link AlertState#RESOLVED} frees the member's one-open-alert slot and lets the
     * alert's content expire after {@code keepResolvedFor}.
     *
     * @return the stored alert (new revision) when this change won, empty when the alert changed meanwhile or is gone
     */
    Optional<MentorAlert> update(MentorAlert next, Duration keepResolvedFor);

    /** Every alert that is not resolved (a handful at any time), in no particular order. */
    List<MentorAlert> openAlerts();

    /** Appends one transition to the audit trail (append-only; the oldest entries are trimmed beyond a large cap). */
    void audit(MentorAudit entry);

    /** The audit trail of one alert, oldest first. */
    List<MentorAudit> auditOf(String alertId);

    /**
     * The moderators' channel on {@code platform} that hears about alerts of that platform's members no mentor
     * acknowledged, if one is set (each platform has its own: whoever takes an alert must be able to message the
     * member).
     */
    Optional<ConversationId> moderatorsChannel(Platform platform);

    /**
     * Sets the moderators' channel of {@code platform}, or clears it when {@code channel} is {@code null}.
     *
     * @throws IllegalArgumentException when {@code channel} is on another platform
     */
    void setModeratorsChannel(Platform platform, ConversationId channel);

    /** The groups the operator claimed as the fellowship's own with the claim code (besides configured ones). */
    java.util.Set<CommunityId> claimedCommunities();

    /**
     * The current claim code, storing {@code fresh} as it when there is none yet (every instance sees the same code).
     */
    String claimCode(String fresh);

    /**
     * Claims {@code community} when {@code code} is the current claim code, atomically replacing the code by
     * {@code next}, so each code claims one group once.
     *
     * @return {@code true} when the code was right and the group is now claimed
     */
    boolean claim(CommunityId community, String code, String next);

    /** Forgets a claim; {@code false} when the group was not claimed. */
    boolean unclaim(CommunityId community);

    /**
     * What the store holds about {@code member} (their roster entry, their alerts not yet expired, the context of
     * their last flagged message), by record name.
     */
    Map<String, String> export(ChatUserId member);

    /**
     * Removes {@code member}'s roster entry, their alerts (resolved ones too, and the one-open index entry) and the
     * remembered context of their last flagged message.
     * Audit entries keep only alert ids and acting mentors' ids and are left alone.
     *
     * @return how many records were removed
     */
    int forget(ChatUserId member);

    /** This store's part of a member's {@code /export} and {@code /forget}. */
    default MemberDataEraser asEraser() {
        return MemberDataEraser.of(this::export, this::forget);
    }

    /** An in-memory store (one process only; a restart forgets everything), expiring resolved alerts by the clock. */
    static MentorStore inMemory(Clock clock) {
        return new InMemoryMentorStore(clock);
    }
}
