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
    void warningsAreKeptByForgetButExportedAndCommunityKeysCarryTheCommunityTag() {
        RedisStore redis = store();
        Instant now = Instant.parse("2026-03-08T09:00:00Z");
        redis.warnings().add(new Warning(GROUP, SAM, 1, MOD, 1, "spam", now, now.plus(Duration.ofDays(30))));
        assertThat(redis.eraser().export(SAM)).hasSize(1);
        assertThat(redis.eraser().erase(SAM)).isZero();
        assertThat(redis.eraser().holdsAnything(SAM)).isFalse();
        assertThat(redis.warnings().active(GROUP, SAM, now)).as("the ladder cannot be restarted").hasSize(1);
        assertThat(redis.eraser().export(SAM)).hasSize(1);
        assertThat(keys.community(GROUP, "mod:cases")).contains("{tg:-1001}");
    }

    @Test
    void forgetKeepsWarningsAndCasesButNotTheMembersWordsAsTheAppCombinesThem() {
        RedisStore redis = store();
        Instant now = Instant.parse("2026-03-08T09:00:00Z");
        redis.warnings().add(new Warning(GROUP, SAM, 1, MOD, 1, "spam", now, now.plus(Duration.ofDays(30))));
        ModCase warned = redis.cases().append(new ModCase(GROUP, 0, now, "warn", MOD, SAM, CHAT, "m1", 0, "spam",
                "…buy now…", "done"));
        ModCase other = redis.cases().append(new ModCase(GROUP, 0, now, "warn", MOD, MOD2, CHAT, "m2", 0, "x",
                "…mine…", "done"));
        org.fellowship.core.store.MemberDataEraser eraser = org.fellowship.core.store.MemberDataEraser.combined(
                List.of(redis.cases().asEraser(), redis.eraser()));
        assertThat(eraser.export(SAM).keySet()).anyMatch(k -> k.startsWith("case tg:-1001 1"));
        assertThat(eraser.export(SAM).values()).anyMatch(json -> json.contains("…buy now…"));
        assertThat(eraser.erase(SAM)).isEqualTo(1);
        assertThat(eraser.holdsAnything(SAM)).isFalse();
        assertThat(redis.cases().find(GROUP, 1)).contains(warned.withoutWords());
        assertThat(eraser.export(SAM)).as("warning, case and its reference are still exported").hasSize(3)
                .containsKey("case tg:-1001 1").allSatisfy((name, json) -> assertThat(json).doesNotContain("buy now"));
        assertThat(redis.warnings().active(GROUP, SAM, now)).hasSize(1);
        assertThat(redis.cases().find(GROUP, other.number())).contains(other);
    }

    @Test
    void aCaseWrittenWithItsExcerptInlineByAnOlderVersionIsDeletedByForget() {
        RedisStore redis = store();
        ModCase legacy = new ModCase(GROUP, 1, Instant.EPOCH, "delete", null, SAM, CHAT, "m1", 1, "keyword", "…old…",
                "done");
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.uri());
        try {
            var raw = client.connect().sync();
            raw.incr(keys.community(GROUP, "mod:case-seq"));
            raw.xadd(keys.community(GROUP, "mod:cases"), new io.lettuce.core.XAddArgs().id("1-1"), java.util.Map.of(
                    "case", new ModerationCodec().writeCase(legacy)));
            raw.sadd(keys.user(SAM, RedisCaseLog.MEMBER_INDEX), GROUP + "|1");
            raw.sadd(keys.erasureIndex(SAM), keys.user(SAM, RedisCaseLog.MEMBER_INDEX));
        } finally {
            client.shutdown();
        }
        org.fellowship.core.store.MemberDataEraser eraser = org.fellowship.core.store.MemberDataEraser.combined(
                List.of(redis.cases().asEraser(), redis.eraser()));
        assertThat(redis.cases().find(GROUP, 1)).contains(legacy);
        assertThat(eraser.holdsAnything(SAM)).isTrue();
        eraser.erase(SAM);
        assertThat(eraser.holdsAnything(SAM)).isFalse();
        assertThat(redis.cases().find(GROUP, 1)).as("a stream entry cannot be edited in place").isEmpty();
        assertThat(redis.cases().append(legacy.withNumber(0)).number()).isEqualTo(2);
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
