package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.port.StoreUnavailableException;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class StoreUnavailableIT {
    /** Nothing here depends on time passing: a fixed clock for the stores' expiries. */
    private static final MutableClock CLOCK = MutableClock.at("2026-03-08T09:00:00Z");
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");

    @Test
    void aStoppedServerGivesStoreUnavailable() {
        EmbeddedRedis server = EmbeddedRedis.start(null, 0);
        try (RedisStore store = RedisStore.connect(server.uri(), KeySchema.defaults(), Duration.ofDays(1), CLOCK)) {
            store.profiles().save(MemberProfile.fresh(SAM));
            server.close();

            assertThat(store.ping()).isFalse();
            assertThatThrownBy(() -> store.profiles().find(SAM))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageNotContaining("42");
            assertThatThrownBy(() -> store.deduplicator().firstSeen("tg:secret-event", Duration.ofMinutes(1)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageNotContaining("secret");
            assertThatThrownBy(() -> store.dueQueue().schedule(
                    new DueItem("checkin:tg:42", "checkin", Instant.EPOCH, "{\"text\":\"private\"}")))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageNotContaining("private");
            assertThatThrownBy(() -> store.dueQueue().claim(Instant.EPOCH, 10, Duration.ofMinutes(1)))
                    .isInstanceOf(StoreUnavailableException.class);
        } finally {
            server.close();
        }
    }

    @Test
    void aServerThatNeverAnswersIsRetriedABoundedNumberOfTimesThenUnavailable() throws Exception {
        List<Duration> pauses = new ArrayList<>();
        // Holds its port (so no other server can appear there) and closes every connection at once.
        try (ScriptedServer nothing = new ScriptedServer((String) null)) {
            Retry threeTries = new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), pauses::add);
            assertThatThrownBy(() -> RedisStore.connect("redis://127.0.0.1:" + nothing.port(), KeySchema.defaults(),
                    Duration.ofDays(1), CLOCK, threeTries))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("cannot connect to Redis at 127.0.0.1:" + nothing.port() + " after 3 attempts");
            assertThat(nothing.connections()).isEqualTo(3);
            assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        }
    }
}
