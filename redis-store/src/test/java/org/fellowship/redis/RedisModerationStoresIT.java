package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityMigration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.moderation.CaseLog;
import org.fellowship.moderation.ModCase;
import org.fellowship.moderation.RuleStore;
import org.fellowship.moderation.Warning;
import org.fellowship.moderation.WarningStore;
import org.fellowship.moderation.testkit.contract.ModerationStoresContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisModerationStoresIT extends ModerationStoresContract {
    private final List<RedisStore> stores = new ArrayList<>();
    private final KeySchema keys = RedisTestServer.freshKeys();

    private RedisStore store() {
        RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), clock);
        stores.add(store);
        return store;
    }

    @Override
    protected RuleStore newRuleStore() {
        return store().moderationRules();
    }

    @Override
    protected WarningStore newWarningStore() {
        return store().warnings();
    }

    @Override
    protected CaseLog newCaseLog() {
        return store().cases();
    }

    @Override
    protected void migrate(WarningStore warnings, CaseLog cases, CommunityId from, CommunityId to) {
        new CommunityMigration(stores.get(0).aliases(), stores.get(0).communityMover()).migrate(from, to);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }

    @Test
    void warningsAreErasableMemberDataAndCommunityKeysCarryTheCommunityTag() {
        RedisStore redis = store();
        Instant now = Instant.parse("2026-03-08T09:00:00Z");
        redis.warnings().add(new Warning(GROUP, SAM, 1, MOD, 1, "spam", now, now.plus(Duration.ofDays(30))));
        assertThat(redis.eraser().export(SAM)).hasSize(1);
        assertThat(redis.eraser().erase(SAM)).isEqualTo(1);
        assertThat(redis.warnings().active(GROUP, SAM, now)).isEmpty();
        assertThat(keys.community(GROUP, "mod:cases")).contains("{tg:-1001}");
    }

    @Test
    void forgetErasesWarningsAndCasesAboutTheMemberAsTheAppCombinesThem() {
        RedisStore redis = store();
        Instant now = Instant.parse("2026-03-08T09:00:00Z");
        redis.warnings().add(new Warning(GROUP, SAM, 1, MOD, 1, "spam", now, now.plus(Duration.ofDays(30))));
        redis.cases().append(new ModCase(GROUP, 0, now, "warn", MOD, SAM, CHAT, "m1", 0, "spam", "…buy now…", "done"));
        ModCase other = redis.cases().append(new ModCase(GROUP, 0, now, "warn", MOD, MOD2, CHAT, "m2", 0, "x", "",
                "done"));
        org.fellowship.core.store.MemberDataEraser eraser = org.fellowship.core.store.MemberDataEraser.combined(
                List.of(redis.cases().asEraser(), redis.eraser()));
        assertThat(eraser.export(SAM).keySet()).anyMatch(k -> k.startsWith("case tg:-1001 1"));
        assertThat(eraser.export(SAM).values()).anyMatch(json -> json.contains("…buy now…"));
        assertThat(eraser.erase(SAM)).isGreaterThanOrEqualTo(2);
        assertThat(eraser.holdsAnything(SAM)).isFalse();
        assertThat(redis.cases().find(GROUP, 1)).isEmpty();
        assertThat(redis.cases().find(GROUP, other.number())).contains(other);
    }

    @Test
    void theCaseLogIsAStreamWhoseEntryIdsAreTheCaseNumbers() {
        RedisStore redis = store();
        ModCase c = redis.cases().append(new ModCase(GROUP, 0, Instant.EPOCH, "log", null, SAM, CHAT, "m1", 1, "r",
                "…x…", "log only"));
        assertThat(c.number()).isEqualTo(1);
        // A second connection (another instance) continues the numbering and reads the same case.
        RedisStore other = store();
        assertThat(other.cases().find(GROUP, 1)).contains(c);
        assertThat(other.cases().append(c).number()).isEqualTo(2);
    }
}
