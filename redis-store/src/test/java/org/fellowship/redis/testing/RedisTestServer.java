package org.fellowship.redis.testing;

import java.util.UUID;
import org.fellowship.redis.EmbeddedRedis;
import org.fellowship.redis.KeySchema;

/**
 * The Redis server tests run against: the one named by the {@code REDIS_URL} environment variable, otherwise one
 * embedded server (no persistence, free port) shared by the whole JVM and stopped by a shutdown hook. It is started
 * the one way every Redis of ours is ({@link EmbeddedRedis#start}: a new port when the chosen one was taken, ready
 * once it answers PING), and clients reach it through {@code RedisStore.connect}, which waits for PONG too.
 *
 * <p>The embedded URI carries a command timeout of a minute ({@code ?timeout=60s}): on a loaded machine only a server
 * that does not answer at all may fail a test, never a slow answer.
 *
 * <p>Thread-safe. Tests isolate themselves with {@link #freshKeys()} instead of flushing the server.
 */
public final class RedisTestServer {
    private static EmbeddedRedis embedded;
    private static String uri;

    private RedisTestServer() {
    }

    /** The URI of the test server, starting the shared embedded one on first use. */
    public static synchronized String uri() {
        if (uri == null) {
            String external = System.getenv("REDIS_URL");
            if (external != null && !external.isBlank()) {
                uri = external.trim();
            } else {
                embedded = EmbeddedRedis.start(null, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-redis-stop"));
                uri = embedded.uri() + "?timeout=60s";
            }
        }
        return uri;
    }

    /** A key schema under a random namespace ({@code t<random>}), so tests never see each other's data. */
    public static KeySchema freshKeys() {
        return KeySchema.namespaced("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }
}
