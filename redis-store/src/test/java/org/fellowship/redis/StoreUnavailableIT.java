package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

class StoreUnavailableIT {
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");

    @Test
    void aStoppedServerGivesStoreUnavailable() {
        EmbeddedRedis server = EmbeddedRedis.start(null, 0);
        try (RedisStore store = RedisStore.connect(server.uri(), KeySchema.defaults(), Duration.ofDays(1))) {
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
    void connectingToNothingGivesStoreUnavailable() {
        EmbeddedRedis server = EmbeddedRedis.start(null, 0);
        String uri = server.uri();
        server.close();
        assertThatThrownBy(() -> RedisStore.connect(uri, KeySchema.defaults(), Duration.ofDays(1)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot connect");
    }
}
