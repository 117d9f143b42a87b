package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.safety.CommunityPolicy;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.DetectorThresholds;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.CommunityPolicyStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisCommunityPolicyStoreIT extends CommunityPolicyStoreContract {
    /** Nothing here depends on time passing: a fixed clock for the stores' expiries. */
    private static final MutableClock CLOCK = MutableClock.at("2026-03-08T09:00:00Z");
    private final List<RedisStore> stores = new ArrayList<>();

    private RedisStore store(KeySchema keys) {
        RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), CLOCK);
        stores.add(store);
        return store;
    }

    @Override
    protected CommunityPolicyStore newStore() {
        return store(RedisTestServer.freshKeys()).policies();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }

    @Test
    void aPolicySurvivesANewConnectionAndLivesUnderTheCommunityTag() {
        KeySchema keys = RedisTestServer.freshKeys();
        CommunityId group = new CommunityId(Platform.TELEGRAM, "-1001");
        CommunityPolicy policy = new CommunityPolicy(List.of(), Set.of("suicide silence"),
                new DetectorThresholds(0.6, 0.55, 0.85));
        store(keys).policies().save(group, policy);
        assertThat(store(keys).policies().policy(group)).isEqualTo(policy);
        assertThat(keys.community(group, "crisis-policy")).contains(group.hashTag());
    }
}
