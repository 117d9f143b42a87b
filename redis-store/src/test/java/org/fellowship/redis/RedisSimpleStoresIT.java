package org.fellowship.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.store.DirectChatRegistry;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfileStore;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.SimpleStoresContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

class RedisSimpleStoresIT extends SimpleStoresContract {
    private final List<RedisStore> stores = new ArrayList<>();
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");

    /** One store per test (JUnit makes a new instance for each), so a test's stores share their keys. */
    private RedisStore store() {
        if (stores.isEmpty()) {
            stores.add(RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2), clock));
        }
        return stores.get(0);
    }

    @Override
    protected EventDeduplicator newDeduplicator() {
        return store().deduplicator();
    }

    @Override
    protected MemberProfileStore newProfiles() {
        return store().profiles();
    }

    @Override
    protected DirectChatRegistry newDirectChats() {
        return store().directChats();
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }
}
