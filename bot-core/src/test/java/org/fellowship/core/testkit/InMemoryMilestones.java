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
import org.fellowship.core.store.CommunityStateMover;

/** In-memory fake of {@link MilestoneStore}. Thread-safe (synchronized). */
public final class InMemoryMilestones implements MilestoneStore, CommunityStateMover {
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

    /** This fake's part of the one move step: member records and community settings (like the Redis step). */
    @Override
    public synchronized int move(CommunityId from, CommunityId to) {
        int changed = 0;
        for (MemberMilestones m : java.util.List.copyOf(members.values())) {
            MemberMilestones moved = renumbered(m, from, to);
            if (!moved.equals(m)) {
                members.put(m.member(), moved);
                changed++;
            }
        }
        CommunityMilestones settings = communities.remove(from);
        if (settings != null) {
            communities.putIfAbsent(to, new CommunityMilestones(to, settings.customLadder(), settings.morningHour()));
            changed++;
        }
        return changed;
    }

    /** {@code m} with every reference to {@code from} pointing at {@code to}. */
    public static MemberMilestones renumbered(MemberMilestones m, CommunityId from, CommunityId to) {
        MemberMilestones out = m;
        if (from.equals(m.ladderCommunity())) {
            out = out.withLadder(m.ladder(), to);
        }
        org.fellowship.core.milestone.Announcements a = m.announcements();
        if (a != null && (from.equals(a.community()) || !a.group().renumbered(from, to).equals(a.group()))) {
            out = out.withAnnouncements(new org.fellowship.core.milestone.Announcements(a.group().renumbered(from, to),
                    from.equals(a.community()) ? to : a.community(), a.name()));
        }
        return out;
    }
}
