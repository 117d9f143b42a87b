package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.MemberProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisIT {
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");

    @Test
    void dataSurvivesARestartOnTheSameDirectory(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("redis data");
        KeySchema keys = KeySchema.defaults();
        try (EmbeddedRedis server = EmbeddedRedis.start(dataDir, 0);
                RedisStore store = RedisStore.connect(server.uri(), keys, Duration.ofDays(1))) {
            assertThat(server.uri()).isEqualTo("redis://127.0.0.1:" + server.port());
            assertThat(store.ping()).isTrue();
            assertThat(store.serverVersion()).startsWith("6.2");
            store.profiles().save(MemberProfile.fresh(SAM).withLanguage("de"));
        }
        assertThat(dataDir.resolve("appendonly.aof")).as("append-only file in the data dir").isNotEmptyFile();

        try (EmbeddedRedis server = EmbeddedRedis.start(dataDir, 0);
                RedisStore store = RedisStore.connect(server.uri(), keys, Duration.ofDays(1))) {
            assertThat(store.profiles().find(SAM)).contains(MemberProfile.fresh(SAM).withLanguage("de"));
        }
    }

    @Test
    void busyPortGivesAClearMessage() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedRedis.start(null, busy.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
    }
}
