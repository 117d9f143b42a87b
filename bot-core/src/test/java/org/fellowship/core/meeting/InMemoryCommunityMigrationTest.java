package org.fellowship.core.meeting;

import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.testkit.InMemoryCheckinStore;
import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.InMemoryMilestones;
import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.contract.CommunityMigrationContract;

class InMemoryCommunityMigrationTest extends CommunityMigrationContract {
    private final InMemoryMeetingStore meetings = new InMemoryMeetingStore(clock);
    private final InMemoryCheckinStore checkins = new InMemoryCheckinStore();
    private final InMemoryMilestones milestones = new InMemoryMilestones();

    @Override
    protected Stores stores() {
        return new Stores(meetings, checkins, milestones, new InMemoryStores.Buttons(clock), new InMemoryStores.Profiles(), new InMemoryDueQueue());
    }

    @Override
    protected void migrate(CommunityId from, CommunityId to) {
        // what the app's CommunityStateMover does over Redis, here over the fakes
        meetings.communityMoved(from, to);
        checkins.communityMoved(from, to);
        milestones.communityMoved(from, to);
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
