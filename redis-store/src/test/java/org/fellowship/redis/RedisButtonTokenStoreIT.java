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
import org.fellowship.core.testkit.contract.ButtonTokenStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisButtonTokenStoreIT extends ButtonTokenStoreContract {
    private RedisStore store;

    @Override
    protected ButtonTokenStore newStore() {
        store = RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2));
        return store.buttons();
    }

    @Override
    protected void elapse(Duration duration) {
        Sleep.wallClock(duration); // Redis TTLs run on the server's wall clock
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
}
