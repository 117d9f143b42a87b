package org.fellowship.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code redis-server} (6.2) run from the binaries inside {@code com.github.codemonstur:embedded-redis}, so a
 * fresh machine needs no Redis install. Listens on 127.0.0.1 only.
 *
 * <p><b>Threading:</b> start and close from one thread; {@link #port()} and {@link #uri()} are safe anywhere.
 * <b>Failure:</b> {@link IllegalStateException} with a readable reason (port busy, binary cannot run, for example
 * because OpenSSL 3 is missing) instead of a raw stack.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String HOST = "127.0.0.1";
    private static final int FREE_PORT_ATTEMPTS = 3;

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param dataDir where to keep the append-only file ({@code appendonly yes}, created if missing), or
     *                {@code null} for no persistence at all (tests, replays)
     * @param port    the TCP port, or 0 to pick a free one
     * @throws IllegalStateException when the server cannot start; the message says why
     */
    public static EmbeddedRedis start(Path dataDir, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        Path dir = null;
        if (dataDir != null) {
            dir = dataDir.toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create Redis data directory " + dir + ": " + e.getMessage(), e);
            }
        }
        int attempts = port == 0 ? FREE_PORT_ATTEMPTS : 1;
        IllegalStateException last = null;
        for (int i = 0; i < attempts; i++) {
            int chosen = port == 0 ? freePort() : port;
            if (port != 0 && !isFree(chosen)) {
                throw new IllegalStateException("cannot start embedded Redis: port " + chosen + " on " + HOST
                        + " is already in use (set another port or point the app at a running Redis)");
            }
            try {
                return startOn(dir, chosen);
            } catch (IllegalStateException e) {
                last = e; // a free port can be taken between probe and start: try another
            }
        }
        throw last;
    }

    private static EmbeddedRedis startOn(Path dir, int port) {
        Deque<String> errors = new ArrayDeque<>();
        RedisServerBuilder builder = RedisServer.newRedisServer()
                .bind(HOST)
                .port(port)
                .setting("protected-mode yes")
                .onShutdownForceStop(true)
                .serrListener(line -> remember(errors, line));
        if (dir == null) {
            builder.setting("appendonly no").setting("save \"\"");
        } else {
            builder.setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("dir " + quoted(dir.toString()));
        }
        RedisServer server;
        try {
            server = builder.build();
            server.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(explain(port, e, errors), e);
        }
        LOG.info("embedded Redis started on {}:{} ({})", HOST, port, dir == null ? "no persistence" : "append-only");
        return new EmbeddedRedis(server, port);
    }

    // redis.conf takes double-quoted strings with backslash escapes, so paths with spaces work.
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void remember(Deque<String> lines, String line) {
        synchronized (lines) {
            lines.addLast(line);
            if (lines.size() > 20) {
                lines.removeFirst();
            }
        }
    }

    private static String explain(int port, Exception e, Deque<String> errors) {
        String detail = (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        synchronized (errors) {
            if (!errors.isEmpty()) {
                detail = detail + " | stderr: " + String.join(" / ", errors);
            }
        }
        String hint = "";
        if (detail.contains("libssl") || detail.contains("libcrypto")) {
            hint = " The bundled redis-server needs OpenSSL 3 (libssl.so.3): install it or set a Redis URL.";
        } else if (detail.contains("Address already in use")) {
            hint = " Port " + port + " is in use.";
        }
        return "cannot start embedded Redis on " + HOST + ":" + port + "." + hint + " Cause: " + detail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free TCP port on " + HOST, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://" + HOST + ":" + port;
    }

    /** Stops the server (with persistence, redis-server flushes the append-only file on shutdown). Idempotent. */
    @Override
    public void close() {
        try {
            if (server.isActive()) {
                server.stop();
                LOG.info("embedded Redis on port {} stopped", port);
            }
        } catch (IOException e) {
            LOG.warn("embedded Redis on port {} did not stop cleanly: {}", port, e.getMessage());
        }
    }
}
