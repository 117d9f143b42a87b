package org.fellowship.redis;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityMigration;
import org.fellowship.core.testkit.contract.CommunityMigrationContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

/**
 * The supergroup migration end to end over real Redis: the app's {@code CommunityMigration}, the meeting store, the
 * due-queue, button tokens and profiles all in Redis; "nothing left" is checked over every key and every set member
 * of the test's namespace.
 */
class RedisCommunityMigrationIT extends CommunityMigrationContract {
    private final KeySchema keys = RedisTestServer.freshKeys();
    private final RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), clock);
    private final io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.uri());
    private final io.lettuce.core.api.sync.RedisCommands<String, String> raw = client.connect().sync();

    @AfterEach
    void close() {
        client.shutdown();
        store.close();
    }

    @Override
    protected Stores stores() {
        return new Stores(store.meetings(), store.checkins(), store.milestones(), store.mentors(), store.buttons(),
                store.profiles(), store.dueQueue(), store.aliases());
    }

    @Override
    protected int migrate(CommunityId from, CommunityId to) {
        return new CommunityMigration(store.aliases(), store.communityMover()).migrate(from, to);
    }

    @Override
    protected List<String> recordsNaming(CommunityId community) {
        return KeyspaceMentions.of(raw, keys, community);
    }
}
