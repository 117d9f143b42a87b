package org.fellowship.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.port.CommunityAliases;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.CommunityAliasesContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

class RedisCommunityAliasesIT extends CommunityAliasesContract {
    private final List<RedisStore> stores = new ArrayList<>();

    @Override
    protected CommunityAliases newAliases() {
        RedisStore store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2),
                MutableClock.at("2026-03-08T09:00:00Z"));
        stores.add(store);
        return store.aliases();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }
}
