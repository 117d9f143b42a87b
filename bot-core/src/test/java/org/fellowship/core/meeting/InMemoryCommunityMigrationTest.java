package org.fellowship.core.meeting;

import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityMigration;
import org.fellowship.core.testkit.InMemoryCheckinStore;
import org.fellowship.core.testkit.InMemoryCommunityAliases;
import org.fellowship.core.testkit.InMemoryCommunityMove;
import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.InMemoryMilestones;
import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.contract.CommunityMigrationContract;

class InMemoryCommunityMigrationTest extends CommunityMigrationContract {
    private final InMemoryMeetingStore meetings = new InMemoryMeetingStore(clock);
    private final InMemoryCheckinStore checkins = new InMemoryCheckinStore();
    private final InMemoryMilestones milestones = new InMemoryMilestones();
    private final MentorStore mentors = MentorStore.inMemory(clock);
    private final InMemoryCommunityAliases aliases = new InMemoryCommunityAliases();
    private final CommunityMigration migration = new CommunityMigration(aliases,
            new InMemoryCommunityMove(mentors, meetings, checkins, milestones));

    @Override
    protected Stores stores() {
        return new Stores(meetings, checkins, milestones, mentors, new InMemoryStores.Buttons(clock),
                new InMemoryStores.Profiles(), new InMemoryDueQueue(), aliases);
    }

    @Override
    protected int migrate(CommunityId from, CommunityId to) {
        return migration.migrate(from, to);
    }

    @Override
    protected List<String> recordsNaming(CommunityId community) {
        List<String> found = new ArrayList<>();
        meetings.meeting(community, "step-study").ifPresent(m -> found.add("meeting"));
        meetings.announcement(community, "step-study").ifPresent(a -> found.add("announcement"));
        checkins.community(community).ifPresent(c -> found.add("check-in settings"));
        milestones.community(community).ifPresent(c -> found.add("milestone settings"));
        return found;
    }
}
