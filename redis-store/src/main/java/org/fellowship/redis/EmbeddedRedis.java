package org.fellowship.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code redis-server} (6.2) run from the binaries inside {@code com.github.codemonstur:embedded-redis}, so a
 * fresh machine needs no Redis install. Listens on 127.0.0.1 only. The one way this project starts a Redis of its
 * own: the app's embedded default, the replay and console modes, the benchmarks and the tests
 * ({@code RedisTestServer}) all call {@link #start}.
 *
 * <p>Start-up is robust on a busy machine: with port 0 a free port is chosen, and when another process takes it
 * before {@code redis-server} binds it (the server then fails with "Address already in use"), another port is tried,
 * up to {@value #BIND_ATTEMPTS} times in all, each retry logged. {@link #start} returns only once the server answers
 * {@code PING} (a bounded, logged retry: {@link #READY}), so the first client command never races the server.
 *
 * <p><b>Threading:</b> start and close from one thread; {@link #port()} and {@link #uri()} are safe anywhere.
 * <b>Failure:</b> {@link IllegalStateException} with a readable reason (port busy, binary cannot run, for example
 * because OpenSSL 3 is missing, no PONG) instead of a raw stack.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    /** The only interface the server listens on. */
    static final String HOST = "127.0.0.1";
    /** How many ports {@code port == 0} tries before giving up. */
    static final int BIND_ATTEMPTS = 10;
    /** Waiting for the first PONG: about 10 s in all, more than a loaded machine needs. */
    static final Retry READY = new Retry(20, Duration.ofMillis(50), Duration.ofSeconds(1), Retry.REAL);

    /** In the data directory: the port of the server using it, so a later start finds one a killed process left. */
    static final String PORT_FILE = "embedded-redis.port";

    private final RedisProcess process;
    private final int port;
    private final Path portFile;
    private volatile Thread shutdownHook;

    private EmbeddedRedis(RedisProcess process, int port, Path portFile) {
        this.process = process;
        this.port = port;
        this.portFile = portFile;
    }

    /**
     * Starts a server and waits until it answers PING.
     *
     * @param dataDir where to keep the append-only file ({@code appendonly yes}, created if missing), or
     *                {@code null} for no persistence at all (tests, replays)
     * @param port    the TCP port, or 0 to pick a free one
     * @throws IllegalStateException when the server cannot start or does not answer; the message says why
     */
    public static EmbeddedRedis start(Path dataDir, int port) {
        return start(dataDir, port, true);
    }

    /**
     * {@link #start(Path, int)}, choosing whether a JVM shutdown hook of ours stops the server. The app passes
     * {@code false}: its context closes the server last, after the engine drained and the client closed; a hook would
     * run concurrently with that and stop Redis under the draining engine.
     */
    public static EmbeddedRedis start(Path dataDir, int port, boolean stopAtJvmExit) {
        EmbeddedRedis started = start(dataDir, port, EmbeddedRedis::freePort, READY);
        if (stopAtJvmExit) {
            Thread hook = new Thread(started::close, "embedded-redis-stop");
            started.shutdownHook = hook;
            Runtime.getRuntime().addShutdownHook(hook);
        }
        return started;
    }

    /** {@link #start(Path, int)} with the free-port source and the readiness wait given (tests). */
    static EmbeddedRedis start(Path dataDir, int port, IntSupplier freePorts, Retry ready) {
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
            // A process killed with -9 leaves its server running on this append-only file: never run a second one.
            LeftoverServer.stop(dir, ready);
        }
        if (port != 0 && !isFree(port)) {
            throw new IllegalStateException("cannot start embedded Redis: port " + port + " on " + HOST
                    + " is already in use (set another port or point the app at a running Redis)");
        }
        int attempts = port == 0 ? BIND_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            int chosen = port == 0 ? freePorts.getAsInt() : port;
            EmbeddedRedis started = new EmbeddedRedis(RedisProcess.launch(dir, chosen), chosen,
                    dir == null ? null : dir.resolve(PORT_FILE));
            try {
                started.awaitReady(ready);
            } catch (PortTaken e) {
                started.close();
                if (attempt >= attempts) {
                    throw new IllegalStateException(port == 0 ? "cannot start embedded Redis: " + attempts
                            + " free ports in a row were taken before the server could bind them (last: "
                            + e.getMessage() + ")" : e.getMessage(), e.getCause());
                }
                LOG.warn("embedded Redis could not bind {}:{}, taken since it was chosen (attempt {} of {}); "
                        + "trying another port", HOST, chosen, attempt, attempts);
                continue;
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            try {
                if (started.portFile != null) {
                    Files.writeString(started.portFile, Integer.toString(started.port()));
                }
                return started;
            } catch (IOException e) {
                started.close();
                throw new IllegalStateException("cannot write " + started.portFile + ": " + e.getMessage(), e);
            }
        }
    }

    /** The server could not bind its port: someone else has it. The message explains; the cause is the failure. */
    private static final class PortTaken extends RuntimeException {
        PortTaken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * {@link RedisSocket#awaitPong}, failing at once (with the server's own words) when the process has exited:
     * "Address already in use" becomes {@link PortTaken}, so another port is tried.
     */
    private void awaitReady(Retry ready) {
        try {
            ready.run("PING to embedded Redis on " + HOST + ":" + port, LOG, e -> e instanceof IOException, () -> {
                if (!process.alive()) {
                    String explained = process.exitReason();
                    if (explained.contains("Address already in use")) {
                        throw new PortTaken(explained, null);
                    }
                    throw new IllegalStateException(explained);
                }
                return RedisSocket.ping(HOST, port);
            });
        } catch (Retry.Exhausted e) {
            throw new IllegalStateException("embedded Redis on " + HOST + ":" + port + " did not answer PING after "
                    + e.attempts() + " attempts: " + Retry.describe((Exception) e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embedded Redis to answer PING", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("embedded Redis on " + HOST + ":" + port + " cannot be asked: "
                    + Retry.describe(e), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free TCP port on " + HOST, e);
        }
    }

    static boolean isFree(int port) {
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
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            shutdownHook = null;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        process.stop();
        if (portFile != null) {
            try {
                Files.deleteIfExists(portFile);
            } catch (IOException e) {
                LOG.debug("cannot delete {}: {}", portFile, e.getMessage());
            }
        }
    }
}
