package org.fellowship.core.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.MemberDataEraser;

/**
 * A community's meetings, its meeting settings, and members' reminder subscriptions.
 *
 * <p><b>Threading:</b> thread-safe; last write wins per meeting. {@link #saveAll} is atomic: readers see all of
 * the batch or none of it. <b>Nullness:</b> arguments non-null; missing values are empty optionals or lists, never
 * {@code null}. <b>Failure:</b> {@link org.fellowship.core.port.StoreUnavailableException} on store outage; an
 * unreadable stored record is an {@link IllegalStateException} naming the record type, not its content.
 * Subscriptions are member data: implementations register them for erasure.
 */
public interface MeetingStore {

    /** Every meeting of the community, ordered by slug. */
    List<Meeting> meetings(CommunityId community);

    Optional<Meeting> meeting(CommunityId community, String slug);

    /** Adds or replaces (by slug) every meeting in the list, atomically. */
    void saveAll(CommunityId community, List<Meeting> meetings);

    /** @return {@code false} if there was no such meeting */
    boolean remove(CommunityId community, String slug);

    /** The zone for meetings and feeds that name none. */
    Optional<ZoneId> zone(CommunityId community);

    void setZone(CommunityId community, ZoneId zone);

    /** The last feed URL imported, for the daily refresh. */
    Optional<String> feedUrl(CommunityId community);

    void setFeedUrl(CommunityId community, String url);

    /** Slugs the last feed import brought in (so a refresh can tell which meetings left the feed). */
    Set<String> feedSlugs(CommunityId community);

    /** Replaces the remembered feed slugs. */
    void setFeedSlugs(CommunityId community, Set<String> slugs);

    /**
     * Marks the member as going (or no longer going) to one occurrence and returns how many are going afterwards.
     * Idempotent per member. RSVPs are ephemeral: they may expire once the occurrence is two days past
     * (the Redis store keeps them 10 days after the latest answer; occurrences are offered at most 7 days ahead).
     */
    int rsvp(CommunityId community, String slug, Instant occurrence, ChatUserId member, boolean going);

    /** How many members said they are going to that occurrence. */
    int going(CommunityId community, String slug, Instant occurrence);

    boolean isGoing(CommunityId community, String slug, Instant occurrence, ChatUserId member);

    /**
     * Saves a moderator's meeting draft of the guided {@code /meetings add} (the community, then the answers so far),
     * replacing any earlier one; it is forgotten after {@code ttl}. The draft is the moderator's data (erased with
     * them).
     */
    void saveDraft(ChatUserId moderator, List<String> draft, Duration ttl);

    /** The moderator's open draft, if one was saved and has not expired. */
    Optional<List<String>> draft(ChatUserId moderator);

    void clearDraft(ChatUserId moderator);

    /** The members going to that occurrence, in no particular order. */
    Set<ChatUserId> goingMembers(CommunityId community, String slug, Instant occurrence);

    /**
     * The member's consent to be named to others going to this community's meetings: {@code name} is what they are
     * shown as, {@code null} withdraws the consent (the default: only counts are shown).
     */
    void setShownName(CommunityId community, ChatUserId member, String name);

    /** The names of those among {@code members} who agreed to be shown in this community. */
    Map<ChatUserId, String> shownNames(CommunityId community, Set<ChatUserId> members);

    /**
     * This store's member data that lives inside community records (RSVPs, name consents), by record name; reminder
     * subscriptions are member records already covered by the erasure index.
     */
    Map<String, String> exportMemberRecords(ChatUserId member);

    /**
     * Removes the member from every RSVP and withdraws every name consent.
     *
     * @return how many records were removed
     */
    int forgetMember(ChatUserId member);

    /** This store's part of a member's {@code /export} and {@code /forget}. */
    default MemberDataEraser asEraser() {
        return MemberDataEraser.of(this::exportMemberRecords, this::forgetMember);
    }

    /** Sets (or with {@code null} removes) the group post made {@code before} each occurrence of the meeting. */
    void setAnnouncement(CommunityId community, String slug, GroupAnnouncement announcement);

    Optional<GroupAnnouncement> announcement(CommunityId community, String slug);

    /** Adds or replaces the member's subscription to that meeting. */
    void subscribe(ReminderSubscription subscription);

    Optional<ReminderSubscription> subscription(ChatUserId member, CommunityId community, String slug);

    /** @return {@code false} if there was none */
    boolean unsubscribe(ChatUserId member, CommunityId community, String slug);
}
