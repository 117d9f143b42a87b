package org.fellowship.core.milestone;

import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * Clean dates, their private history, ladder choices and announcement opt-ins of members, plus each community's
 * milestone settings and a record of milestone deliveries already made.
 *
 * <p><b>Threading:</b> thread-safe and shared by all instances; {@link #save} and {@link #saveCommunity} are
 * last-write-wins per member / community; {@link #firstDelivery} is atomic across instances.
 * <b>Nullness:</b> arguments non-null; a missing record is an empty optional, never {@code null}.
 * <b>Failure:</b> {@link org.fellowship.core.port.StoreUnavailableException} on store outage (nothing partial is
 * written). Every key stored about a member is registered for erasure ({@code /forget}).
 */
public interface MilestoneStore {

    Optional<MemberMilestones> find(ChatUserId member);

    void save(MemberMilestones milestones);

    Optional<CommunityMilestones> community(CommunityId community);

    void saveCommunity(CommunityMilestones settings);

    /**
     * Records that the delivery with this idempotency key is being made for the member.
     *
     * @return {@code true} the first time for this key, {@code false} on every later call (even from another
     *         instance or after a restart)
     */
    boolean firstDelivery(ChatUserId member, String deliveryId);
}
