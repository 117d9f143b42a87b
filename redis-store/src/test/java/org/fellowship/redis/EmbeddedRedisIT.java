package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisIT {
    /** Nothing here depends on time passing: a fixed clock for the stores' expiries. */
    private static final MutableClock CLOCK = MutableClock.at("2026-03-08T09:00:00Z");
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");

    @Test
    void dataSurvivesARestartOnTheSameDirectory(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("redis data");
        KeySchema keys = KeySchema.defaults();
        try (EmbeddedRedis server = EmbeddedRedis.start(dataDir, 0);
                RedisStore store = RedisStore.connect(server.uri(), keys, Duration.ofDays(1), CLOCK)) {
            assertThat(server.uri()).isEqualTo("redis://127.0.0.1:" + server.port());
            assertThat(store.ping()).isTrue();
            assertThat(store.serverVersion()).startsWith("6.2");
            store.profiles().save(MemberProfile.fresh(SAM).withLanguage("de"));
        }
        assertThat(dataDir.resolve("appendonly.aof")).as("append-only file in the data dir").isNotEmptyFile();

        try (EmbeddedRedis server = EmbeddedRedis.start(dataDir, 0);
                RedisStore store = RedisStore.connect(server.uri(), keys, Duration.ofDays(1), CLOCK)) {
            assertThat(store.profiles().find(SAM)).contains(MemberProfile.fresh(SAM).withLanguage("de"));
        }
    }

    @Test
    void aServerLeftByAKilledProcessIsStoppedNotDoubled(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("redis data");
        KeySchema keys = KeySchema.defaults();
        // As after kill -9: the owner never closes it, and no hook of ours stops it.
        EmbeddedRedis left = EmbeddedRedis.start(dataDir, 0, false);
        try {
            try (RedisStore store = RedisStore.connect(left.uri(), keys, Duration.ofDays(1), CLOCK)) {
                store.profiles().save(MemberProfile.fresh(SAM).withLanguage("de"));
            }
            try (EmbeddedRedis server = EmbeddedRedis.start(dataDir, 0);
                    RedisStore store = RedisStore.connect(server.uri(), keys, Duration.ofDays(1), CLOCK)) {
                assertThatThrownBy(() -> RedisSocket.awaitPong("127.0.0.1", left.port(),
                        new Retry(1, Duration.ZERO, Duration.ZERO, Retry.REAL)))
                        .as("the leftover server on the same append-only file was stopped")
                        .isInstanceOf(IllegalStateException.class);
                assertThat(store.profiles().find(SAM)).as("its data, flushed on SHUTDOWN")
                        .contains(MemberProfile.fresh(SAM).withLanguage("de"));
            }
        } finally {
            left.close();
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

    @Test
    void aFreePortTakenBeforeTheServerCouldBindItIsReplacedByAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger asked = new AtomicInteger();
            IntSupplier ports = () -> asked.incrementAndGet() == 1 ? taken.getLocalPort() : freePort();
            try (EmbeddedRedis server = EmbeddedRedis.start(null, 0, ports, EmbeddedRedis.READY);
                    RedisStore store = RedisStore.connect(server.uri(), KeySchema.defaults(), Duration.ofDays(1),
                            CLOCK)) {
                assertThat(asked).as("a second port was chosen").hasValue(2);
                assertThat(server.port()).isNotEqualTo(taken.getLocalPort());
                assertThat(store.ping()).isTrue();
            }
        }
    }

    @Test
    void givesUpAfterABoundedNumberOfTakenPorts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger asked = new AtomicInteger();
            IntSupplier ports = () -> {
                asked.incrementAndGet();
                return taken.getLocalPort();
            };
            assertThatThrownBy(() -> EmbeddedRedis.start(null, 0, ports, EmbeddedRedis.READY))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(EmbeddedRedis.BIND_ATTEMPTS + " free ports in a row were taken");
            assertThat(asked).hasValue(EmbeddedRedis.BIND_ATTEMPTS);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
