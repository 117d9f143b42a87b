package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.mentor.Mentor;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.MentorStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisMentorStoreIT extends MentorStoreContract {
    private final List<RedisStore> stores = new ArrayList<>();
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");

    private RedisStore store(KeySchema keys) {
        RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), clock);
        stores.add(store);
        return store;
    }

    @Override
    protected MentorStore newStore() {
        return store(RedisTestServer.freshKeys()).mentors();
    }

    @Override
    protected void letTimePass(Duration d) {
        clock.advance(d);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }

    @Test
    void stateSurvivesANewConnectionAndKeysShareTheMentorsTag() {
        KeySchema keys = RedisTestServer.freshKeys();
        ChatUserId ana = new ChatUserId(Platform.TELEGRAM, "7");
        store(keys).mentors().saveMentor(new Mentor(ana, "Ana", 2, true));
        store(keys).mentors().nextAlertNumber();
        MentorStore reopened = store(keys).mentors();
        assertThat(reopened.mentors()).containsExactly(new Mentor(ana, "Ana", 2, true));
        assertThat(reopened.nextAlertNumber()).isEqualTo(2);
        assertThat(keys.mentors("open")).contains("{mentors}");
        assertThatThrownBy(() -> keys.mentors("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aModeratorsChannelStoredBeforeChannelsWerePerPlatformServesItsOwnPlatformUntilReplaced() {
        KeySchema keys = RedisTestServer.freshKeys();
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.uri());
        try (var connection = client.connect()) {
            connection.sync().set(keys.mentors("moderators-channel"), "tg:-1001");
            MentorStore mentors = store(keys).mentors();
            ConversationId old = new ConversationId(Platform.TELEGRAM, "-1001");
            assertThat(mentors.moderatorsChannel(Platform.TELEGRAM)).contains(old);
            assertThat(mentors.moderatorsChannel(Platform.DISCORD)).isEmpty();
            mentors.setModeratorsChannel(Platform.TELEGRAM, null);
            assertThat(mentors.moderatorsChannel(Platform.TELEGRAM)).isEmpty();
            assertThat(connection.sync().exists(keys.mentors("moderators-channel"))).isZero();
        } finally {
            client.shutdown();
        }
    }
}
