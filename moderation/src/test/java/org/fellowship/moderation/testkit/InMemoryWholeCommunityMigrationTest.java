package org.fellowship.moderation.testkit;

import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.CommunityMigration;
import org.fellowship.core.testkit.InMemoryCheckinStore;
import org.fellowship.core.testkit.InMemoryCommunityAliases;
import org.fellowship.core.testkit.InMemoryCommunityMove;
import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.fellowship.core.testkit.InMemoryRateLimitStore;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.moderation.testkit.contract.WholeCommunityMigrationContract;

class InMemoryWholeCommunityMigrationTest extends WholeCommunityMigrationContract {
    private final InMemoryMeetingStore meetings = new InMemoryMeetingStore(clock);
    private final InMemoryCheckinStore checkins = new InMemoryCheckinStore();
    private final MentorStore mentors = MentorStore.inMemory(clock);
    private final InMemoryRuleStore rules = new InMemoryRuleStore();
    private final InMemoryWarningStore warnings = new InMemoryWarningStore();
    private final InMemoryCaseLog cases = new InMemoryCaseLog(clock);
    private final InMemoryCommunityAliases aliases = new InMemoryCommunityAliases();
    private final Stores stores = new Stores(meetings, checkins, mentors, rules, warnings, cases,
            new InMemoryRateLimitStore(), new InMemoryStores.Deduplicator(clock), new InMemoryStores.Buttons(clock),
            new InMemoryStores.Profiles(), new InMemoryDueQueue(), aliases);
    private final CommunityMigration migration = new CommunityMigration(aliases,
            new InMemoryCommunityMove(mentors, meetings, checkins, rules, warnings, cases));

    @Override
    protected Stores stores() {
        return stores;
    }

    @Override
    protected int migrate(CommunityId from, CommunityId to) {
        return migration.migrate(from, to);
    }

    @Override
    protected List<String> recordsNaming(CommunityId community) {
        List<String> found = new ArrayList<>();
        if (!meetings.meetings(community).isEmpty()) {
            found.add("meetings");
        }
        checkins.community(community).ifPresent(c -> found.add("check-in settings"));
        if (!rules.rules(community).isEmpty()) {
            found.add("rules");
        }
        if (!cases.all(community).isEmpty()) {
            found.add("case log");
        }
        for (String id : List.of("1", "42", "43")) {
            ChatUserId member = new ChatUserId(Platform.TELEGRAM, id);
            checkins.find(member).filter(r -> community.equals(r.community())).ifPresent(r -> found.add("check-in " + id));
            if (!warnings.active(community, member, clock.instant()).isEmpty()) {
                found.add("warnings " + id);
            }
        }
        ConversationId chat = new ConversationId(community.platform(), community.value());
        mentors.moderatorsChannel(community.platform()).filter(chat::equals).ifPresent(c -> found.add("channel"));
        return found;
    }
}
