package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.ButtonTokenStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisButtonTokenStoreIT extends ButtonTokenStoreContract {
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private RedisStore store;
    private KeySchema keys;

    @Override
    protected ButtonTokenStore newStore() {
        keys = RedisTestServer.freshKeys();
        store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), clock);
        return store.buttons();
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration); // the store expires tokens on its clock, not on the server's
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void buttonsOnlyOneMemberMayPressAreErasedWithTheirData() {
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        ChatUserId kim = new ChatUserId(Platform.TELEGRAM, "43");
        String own = store.buttons().issue(new ButtonAction("h", Map.of("a", "1"), sam), Duration.ofDays(2));
        String anyone = store.buttons().issue(new ButtonAction("h", Map.of(), null), Duration.ofMinutes(5));
        String kims = store.buttons().issue(new ButtonAction("h", Map.of(), kim), Duration.ofMinutes(5));
        RedisClient raw = RedisClient.create(RedisTestServer.uri());
        try (StatefulRedisConnection<String, String> connection = raw.connect()) {
            connection.sync().scriptFlush(); // the wave's batch write loads its script again
        } finally {
            raw.shutdown();
        }
        List<List<String>> wave = store.buttons().issueChoicesAll(List.of(new ButtonAction("mood", Map.of(), sam)),
                "mood", List.of("1", "2"), Duration.ofHours(3));

        assertThat(store.eraser().export(sam)).as("token names are not data").isEmpty();
        assertThat(store.eraser().erase(sam)).as("two tokens and their index").isEqualTo(3);

        assertThat(store.buttons().resolve(own)).isEmpty();
        assertThat(store.buttons().resolve(wave.get(0).get(0))).isEmpty();
        assertThat(store.buttons().resolve(anyone)).isPresent();
        assertThat(store.buttons().resolve(kims)).as("another member's button").isPresent();
        assertThat(store.eraser().holdsAnything(sam)).isFalse();
    }

    @Test
    void aMembersButtonIndexRunsOnTheStoresClock() {
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        String first = store.buttons().issue(new ButtonAction("h", Map.of(), sam), Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5)); // the first token's deadline: gone on the clock, though Redis still has it
        String second = store.buttons().issue(new ButtonAction("h", Map.of(), sam), Duration.ofMinutes(10));

        assertThat(store.buttons().resolve(first)).isEmpty();
        assertThat(store.buttons().resolve(second)).isPresent();
        RedisClient raw = RedisClient.create(RedisTestServer.uri());
        try (StatefulRedisConnection<String, String> connection = raw.connect()) {
            List<io.lettuce.core.ScoredValue<String>> index =
                    connection.sync().zrangeWithScores(keys.memberButtons(sam), 0, -1);
            assertThat(index).as("pruned and scored by the store's clock, not the server's")
                    .extracting(io.lettuce.core.ScoredValue::getValue, v -> (long) v.getScore())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(keys.buttonToken(second),
                            clock.millis() + Duration.ofMinutes(10).toMillis()));
            assertThat(connection.sync().pttl(keys.memberButtons(sam))).as("a backstop: the lifetime plus the grace")
                    .isGreaterThan(Duration.ofMinutes(10).toMillis());
        } finally {
            raw.shutdown();
        }
    }
}
