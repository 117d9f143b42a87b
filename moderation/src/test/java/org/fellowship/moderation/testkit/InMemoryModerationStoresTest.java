package org.fellowship.moderation.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.moderation.CaseLog;
import org.fellowship.moderation.RuleStore;
import org.fellowship.moderation.WarningStore;
import org.fellowship.moderation.testkit.contract.ModerationStoresContract;
import org.junit.jupiter.api.Test;

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
        warnings.communityMoved(from, to);
        cases.communityMoved(from, to);
    }

    @Test
    void protectionExpires() {
        CaseLog log = newCaseLog();
        MessageRef m = new MessageRef(CHAT, "m1");
        log.protect(m, Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(61));
        assertThat(log.isProtected(m)).isFalse();
    }
}
