package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.milestone.CommunityMilestones;
import org.fellowship.core.milestone.MemberMilestones;
import org.fellowship.core.milestone.MilestoneStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.MilestoneStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisMilestoneStoreIT extends MilestoneStoreContract {
    /** Nothing here depends on time passing: a fixed clock for the stores' expiries. */
    private static final MutableClock CLOCK = MutableClock.at("2026-03-08T09:00:00Z");
    private final List<RedisStore> stores = new ArrayList<>();

    private RedisStore store() {
        RedisStore store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2), CLOCK);
        stores.add(store);
        return store;
    }

    @Override
    protected MilestoneStore newStore() {
        return store().milestones();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }

    @Test
    void everyMemberKeyIsErasableAndCommunityKeysCarryTheCommunityTag() {
        KeySchema keys = RedisTestServer.freshKeys();
        RedisStore redis = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), CLOCK);
        stores.add(redis);
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        CommunityId group = new CommunityId(Platform.TELEGRAM, "-1001");
        redis.milestones().save(MemberMilestones.fresh(sam).withCleanDate("main", LocalDate.of(2024, 3, 15)));
        redis.milestones().firstDelivery(sam, "ms:tg:42:main:2024-03-15:2y");
        redis.milestones().saveCommunity(CommunityMilestones.defaults(group).withMorningHour(7));

        assertThat(redis.eraser().export(sam)).hasSize(2);
        assertThat(redis.eraser().export(sam).values()).anySatisfy(json -> assertThat(json).contains("2024-03-15"));
        assertThat(redis.eraser().erase(sam)).isEqualTo(2);
        assertThat(redis.eraser().holdsAnything(sam)).isFalse();
        assertThat(redis.milestones().find(sam)).isEmpty();
        assertThat(redis.milestones().firstDelivery(sam, "ms:tg:42:main:2024-03-15:2y")).as("forgotten").isTrue();
        assertThat(redis.milestones().community(group).orElseThrow().morningHour()).isEqualTo(7);
        assertThat(keys.community(group, "milestones")).contains("{tg:-1001}");
    }
}
