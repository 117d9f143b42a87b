package org.fellowship.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.meeting.MeetingStore;
import org.fellowship.core.testkit.contract.MeetingStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

class RedisMeetingStoreIT extends MeetingStoreContract {
    private final List<RedisStore> stores = new ArrayList<>();

    @Override
    protected MeetingStore newStore() {
        RedisStore store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2), clock);
        stores.add(store);
        return store.meetings();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }
}
