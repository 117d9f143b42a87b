package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.ReminderSubscription;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.Test;

/** Meeting keys live in the community's slot; subscriptions are member data that export and erasure find. */
class RedisMeetingKeysIT {
    /** Nothing here depends on time passing: a fixed clock for the stores' expiries. */
    private static final MutableClock CLOCK = MutableClock.at("2026-03-08T09:00:00Z");
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");

    @Test
    void keysCarryTheCommunityTagAndSubscriptionsAreErasable() {
        KeySchema keys = RedisTestServer.freshKeys();
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        try (RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), CLOCK)) {
            store.meetings().saveAll(GROUP, List.of(new Meeting("step", "Step", Set.of(DayOfWeek.MONDAY),
                    LocalTime.of(19, 0), Duration.ofHours(1), ZoneId.of("UTC"), null, null, List.of(), null)));
            store.meetings().setZone(GROUP, ZoneId.of("Europe/Berlin"));
            store.meetings().subscribe(new ReminderSubscription(sam, GROUP, "step", Duration.ofMinutes(15),
                    new ConversationId(Platform.TELEGRAM, "-1001")));

            RedisClient client = RedisClient.create(RedisTestServer.uri());
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                List<String> all = c.sync().keys(keys.prefix() + "*");
                assertThat(all).contains(keys.prefix() + "{tg:-1001}:meetings",
                        keys.prefix() + "{tg:-1001}:meeting-settings",
                        keys.prefix() + "{u:tg:42}:meeting-reminder:tg:-1001:step");
            } finally {
                client.shutdown();
            }

            assertThat(store.eraser().export(sam)).containsKey("meeting-reminder:tg:-1001:step");
            store.eraser().erase(sam);
            assertThat(store.meetings().subscription(sam, GROUP, "step")).isEmpty();
            assertThat(store.eraser().holdsAnything(sam)).isFalse();
            assertThat(store.meetings().meetings(GROUP)).hasSize(1);
        }
    }
}
