package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readiness wait against scripted servers: no Redis needed. */
class RedisSocketTest {
    @Test
    void readinessWaitsUntilTheServerAnswersPong() throws Exception {
        List<Duration> pauses = new ArrayList<>();
        try (ScriptedServer loading = new ScriptedServer(null, "-LOADING Redis is loading the dataset in memory",
                "+PONG")) {
            RedisSocket.awaitPong("127.0.0.1", loading.port(), new Retry(5, Duration.ofMillis(50),
                    Duration.ofMillis(50), pauses::add));
            assertThat(loading.connections()).isEqualTo(3);
            assertThat(pauses).hasSize(2);
        }
    }

    @Test
    void readinessGivesUpOnAServerThatNeverAnswersPong() throws Exception {
        List<Duration> pauses = new ArrayList<>();
        try (ScriptedServer silent = new ScriptedServer((String) null)) {
            assertThatThrownBy(() -> RedisSocket.awaitPong("127.0.0.1", silent.port(), new Retry(3,
                    Duration.ofMillis(50), Duration.ofMillis(50), pauses::add)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not answer PING after 3 attempts");
            assertThat(silent.connections()).isEqualTo(3);
            assertThat(pauses).hasSize(2);
        }
    }
}
