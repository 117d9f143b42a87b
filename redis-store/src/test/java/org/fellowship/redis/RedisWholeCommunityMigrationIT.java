package org.fellowship.redis;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityMigration;
import org.fellowship.moderation.testkit.contract.WholeCommunityMigrationContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

/** A whole group's migration over real Redis; "nothing left" is checked over every key and value of the namespace. */
class RedisWholeCommunityMigrationIT extends WholeCommunityMigrationContract {
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
        return new Stores(store.meetings(), store.checkins(), store.mentors(), store.moderationRules(), store.warnings(),
                store.cases(), store.rateLimits(), store.deduplicator(), store.buttons(), store.profiles(),
                store.dueQueue(), store.aliases());
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
