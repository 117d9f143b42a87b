package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemberErasureIT {
    /** Nothing here depends on time passing: a fixed clock for the stores' expiries. */
    private static final MutableClock CLOCK = MutableClock.at("2026-03-08T09:00:00Z");
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");
    private static final ChatUserId ALEX = new ChatUserId(Platform.DISCORD, "7");
    private static final ConversationId CHAT = new ConversationId(Platform.TELEGRAM, "-1001");

    private final RedisStore store =
            RedisStore.connect(RedisTestServer.uri(), RedisTestServer.freshKeys(), Duration.ofDays(2), CLOCK);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void exportShowsTheProfileAndEraseLeavesNothing() {
        store.profiles().save(MemberProfile.fresh(SAM).withZone(ZoneId.of("Europe/Berlin")));
        store.buttons().rememberChoices(CHAT, SAM, List.of("a", "b"), Duration.ofMinutes(5));
        store.profiles().save(MemberProfile.fresh(ALEX));

        assertThat(store.eraser().holdsAnything(SAM)).isTrue();
        assertThat(store.eraser().export(SAM))
                .containsOnlyKeys("profile", "choices:tg:-1001")
                .hasEntrySatisfying("profile", json -> assertThat(json).contains("\"v\":1", "Europe/Berlin"));

        assertThat(store.eraser().erase(SAM)).isEqualTo(2);

        assertThat(store.eraser().holdsAnything(SAM)).isFalse();
        assertThat(store.profiles().find(SAM)).isEmpty();
        assertThat(store.buttons().choices(CHAT, SAM)).isEmpty();
        assertThat(store.eraser().export(SAM)).isEmpty();
        assertThat(store.profiles().find(ALEX)).as("other members untouched").isPresent();
    }

    @Test
    void eraseIsRepeatableAndHarmlessForUnknownMembers() {
        assertThat(store.eraser().erase(SAM)).isZero();
        assertThat(store.eraser().holdsAnything(SAM)).isFalse();
        store.profiles().save(MemberProfile.fresh(SAM));
        assertThat(store.eraser().erase(SAM)).isEqualTo(1);
        assertThat(store.eraser().erase(SAM)).isZero();
    }
}
