package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisCommunityStateMoverIT {
    /** Nothing here depends on time passing: a fixed clock for the stores' expiries. */
    private static final MutableClock CLOCK = MutableClock.at("2026-03-08T09:00:00Z");
    private final KeySchema keys = RedisTestServer.freshKeys();
    private final RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(1), CLOCK);
    private final io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.uri());
    private final io.lettuce.core.api.sync.RedisCommands<String, String> raw = client.connect().sync();

    @AfterEach
    void close() {
        client.shutdown();
        store.close();
    }

    @Test
    void movesEveryKeyOfTheCommunityKeepingTtlsAndLeavesOthersAlone() {
        CommunityId group = new CommunityId(Platform.TELEGRAM, "-12345");
        CommunityId supergroup = new CommunityId(Platform.TELEGRAM, "-1001234567890");
        CommunityId other = new CommunityId(Platform.TELEGRAM, "-999");
        raw.set(keys.community(group, "meetings"), "[1,2]");
        raw.set(keys.community(group, "rsvp:x:1"), "3");
        raw.pexpire(keys.community(group, "rsvp:x:1"), 60_000);
        raw.set(keys.community(other, "meetings"), "[9]");

        int moved = store.communityMover().move(group, supergroup);

        assertThat(moved).isEqualTo(2);
        assertThat(raw.get(keys.community(supergroup, "meetings"))).isEqualTo("[1,2]");
        assertThat(raw.pttl(keys.community(supergroup, "rsvp:x:1"))).isBetween(1L, 60_000L);
        assertThat(raw.exists(keys.community(group, "meetings"), keys.community(group, "rsvp:x:1"))).isZero();
        assertThat(raw.get(keys.community(other, "meetings"))).isEqualTo("[9]");
        assertThat(store.communityMover().move(group, supergroup)).as("repeating is harmless").isZero();
    }

    @Test
    void stateAlreadyUnderTheNewIdIsKept() {
        CommunityId group = new CommunityId(Platform.TELEGRAM, "-1");
        CommunityId supergroup = new CommunityId(Platform.TELEGRAM, "-1002");
        raw.set(keys.community(group, "meetings"), "old");
        raw.set(keys.community(supergroup, "meetings"), "new");

        assertThat(store.communityMover().move(group, supergroup)).isZero();
        assertThat(raw.get(keys.community(supergroup, "meetings"))).isEqualTo("new");
    }
}
