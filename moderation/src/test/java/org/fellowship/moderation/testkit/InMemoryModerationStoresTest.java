package org.fellowship.moderation.testkit;

import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityStateMover;
import org.fellowship.moderation.CaseLog;
import org.fellowship.moderation.RuleStore;
import org.fellowship.moderation.WarningStore;
import org.fellowship.moderation.testkit.contract.ModerationStoresContract;

class InMemoryModerationStoresTest extends ModerationStoresContract {
    @Override
    protected RuleStore newRuleStore() {
        return new InMemoryRuleStore();
    }

    @Override
    protected WarningStore newWarningStore() {
        return new InMemoryWarningStore();
    }

    @Override
    protected CaseLog newCaseLog() {
        return new InMemoryCaseLog(clock);
    }

    @Override
    protected void migrate(WarningStore warnings, CaseLog cases, CommunityId from, CommunityId to) {
        // the one move step over these fakes: each moves what it holds (over Redis: the community's keys and more)
        ((CommunityStateMover) warnings).move(from, to);
        ((CommunityStateMover) cases).move(from, to);
    }
}
