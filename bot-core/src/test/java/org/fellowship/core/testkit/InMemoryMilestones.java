package org.fellowship.core.testkit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.milestone.CommunityMilestones;
import org.fellowship.core.milestone.MemberMilestones;
import org.fellowship.core.milestone.MilestoneStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/** In-memory fake of {@link MilestoneStore}. Thread-safe (synchronized). */
public final class InMemoryMilestones implements MilestoneStore {
    private final Map<ChatUserId, MemberMilestones> members = new HashMap<>();
    private final Map<CommunityId, CommunityMilestones> communities = new HashMap<>();
    private final Set<String> delivered = new HashSet<>();

    @Override
    public synchronized Optional<MemberMilestones> find(ChatUserId member) {
        return Optional.ofNullable(members.get(member));
    }

    @Override
    public synchronized void save(MemberMilestones milestones) {
        members.put(milestones.member(), milestones);
    }

    @Override
    public synchronized Optional<CommunityMilestones> community(CommunityId community) {
        return Optional.ofNullable(communities.get(community));
    }

    @Override
    public synchronized void saveCommunity(CommunityMilestones settings) {
        communities.put(settings.community(), settings);
    }

    @Override
    public synchronized boolean firstDelivery(ChatUserId member, String deliveryId) {
        return delivered.add(member + "|" + deliveryId);
    }
}
