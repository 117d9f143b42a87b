package org.fellowship.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.io.File;
import redis.embedded.RedisServer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.function.IntSupplier;
import redis.embedded.core.RedisServerBuilder;
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
    private static final String HOST = "127.0.0.1";
    /** How many ports {@code port == 0} tries before giving up. */
    static final int BIND_ATTEMPTS = 10;
    /** Waiting for the first PONG: about 10 s in all, more than a loaded machine needs. */
    static final Retry READY = new Retry(20, Duration.ofMillis(50), Duration.ofSeconds(1), Retry.REAL);
    private static final int PING_SOCKET_TIMEOUT_MILLIS = 5_000;

    /** In the data directory: the port of the server using it, so a later start finds one a killed process left. */
    static final String PORT_FILE = "embedded-redis.port";

    private final Process process;
    private final Deque<String> output;
    private final Thread reader;
    private final int port;
    private final Path portFile;
    private volatile Thread shutdownHook;

    private EmbeddedRedis(Process process, Deque<String> output, Thread reader, int port, Path portFile) {
        this.process = process;
        this.output = output;
        this.reader = reader;
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
            stopLeftover(dir, ready);
        }
        if (port != 0 && !isFree(port)) {
            throw new IllegalStateException("cannot start embedded Redis: port " + port + " on " + HOST
                    + " is already in use (set another port or point the app at a running Redis)");
        }
        int attempts = port == 0 ? BIND_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            int chosen = port == 0 ? freePorts.getAsInt() : port;
            EmbeddedRedis started = startOn(dir, chosen);
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
     * {@link #awaitPong}, failing at once (with the server's own words) when the process has exited: "Address already
     * in use" becomes {@link PortTaken}, so another port is tried.
     */
    private void awaitReady(Retry ready) {
        try {
            ready.run("PING to embedded Redis on " + HOST + ":" + port, LOG, e -> e instanceof IOException, () -> {
                if (!process.isAlive()) {
                    reader.join(1_000); // the rest of its output
                    String explained = explain(port, null, output);
                    if (explained.contains("Address already in use")) {
                        throw new PortTaken(explained, null);
                    }
                    throw new IllegalStateException(explained);
                }
                return ping(HOST, port);
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

    /**
     * Waits until the server at {@code host:port} answers {@code PING} with {@code PONG}, retrying as {@code ready}
     * says (each retry logged).
     *
     * @throws IllegalStateException when it never does
     */
    static void awaitPong(String host, int port, Retry ready) {
        try {
            ready.run("PING to embedded Redis on " + host + ":" + port, LOG, e -> e instanceof IOException,
                    () -> ping(host, port));
        } catch (Retry.Exhausted e) {
            throw new IllegalStateException("embedded Redis on " + host + ":" + port + " did not answer PING after "
                    + e.attempts() + " attempts: " + Retry.describe((Exception) e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while waiting for embedded Redis to answer PING", e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Redis on " + host + ":" + port + " cannot be asked: "
                    + Retry.describe(e), e);
        }
    }

    /**
     * Stops a server a killed process left on {@code dir}: the port file names its port, and {@code CONFIG GET dir}
     * proves it is a server on this directory (not an unrelated one that took the port since). {@code SHUTDOWN}
     * makes it flush its append-only file; then we wait until the port is closed.
     */
    static void stopLeftover(Path dir, Retry ready) {
        Path file = dir.resolve(PORT_FILE);
        int port;
        try {
            port = Integer.parseInt(Files.readString(file).strip());
        } catch (IOException | NumberFormatException e) {
            return; // no port file, or an unreadable one: no server of ours was left
        }
        List<String> reply;
        try {
            reply = command(HOST, port, "CONFIG GET dir");
        } catch (IOException e) {
            return; // nothing answers there: the server died with its process
        }
        if (!reply.contains(dir.toString()) && !reply.contains(realPath(dir))) {
            return;
        }
        LOG.warn("embedded Redis left running on port {} by a process that did not stop it (killed?) uses {}; "
                + "stopping it before starting ours", port, dir);
        try {
            command(HOST, port, "SHUTDOWN");
        } catch (IOException e) {
            // expected: the server closes the connection as it exits
        }
        try {
            ready.run("waiting for the leftover embedded Redis on port " + port + " to exit", LOG,
                    e -> e instanceof IllegalStateException, () -> {
                        if (!isFree(port)) {
                            throw new IllegalStateException("port " + port + " still in use");
                        }
                        return null;
                    });
        } catch (Exception e) {
            throw new IllegalStateException("a leftover embedded Redis on port " + port + " uses " + dir
                    + " and did not stop; stop it (redis-cli -p " + port + " shutdown) and start again", e);
        }
    }

    // redis-server reports its directory as getcwd() does: with symbolic links resolved
    private static String realPath(Path dir) {
        try {
            return dir.toRealPath().toString();
        } catch (IOException e) {
            return dir.toString();
        }
    }

    /** Sends one inline command and returns the reply's lines (bulk strings unwrapped, RESP headers dropped). */
    private static List<String> command(String host, int port, String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PING_SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(PING_SOCKET_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String first = in.readLine();
            if (first == null) {
                throw new IOException("connection closed");
            }
            int count = first.startsWith("*") ? Integer.parseInt(first.substring(1)) : 0;
            for (int i = 0; i < count; i++) {
                String header = in.readLine();
                String value = header != null && header.startsWith("$") ? in.readLine() : header;
                lines.add(value);
            }
            return lines;
        }
    }

    /** One PING over a plain socket (the embedded server has no password and no TLS). */
    private static Void ping(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PING_SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(PING_SOCKET_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String reply = in.readLine();
            if (!"+PONG".equals(reply)) {
                // "-LOADING ..." while the data set loads, null when the connection closed at once
                throw new IOException("answered " + (reply == null ? "nothing" : "'" + reply + "'"));
            }
            return null;
        }
    }

    /**
     * Launches {@code redis-server} ourselves, from the library's binary and config file: the library's own launcher
     * adds a JVM shutdown hook that cannot be removed, and that hook stopped Redis under the app while it drained.
     * Its output (stdout and stderr together) is read all the time, so a full pipe never blocks the server.
     */
    private static EmbeddedRedis startOn(Path dir, int port) {
        Deque<String> output = new ArrayDeque<>();
        RedisServerBuilder builder = RedisServer.newRedisServer()
                .bind(HOST)
                .port(port)
                .setting("protected-mode yes");
        if (dir == null) {
            builder.setting("appendonly no").setting("save \"\"");
        } else {
            // No RDB snapshots: the append-only file is the persistence, and a failing snapshot (disk full, directory
            // gone) makes redis-server refuse to exit on SIGTERM.
            builder.setting("appendonly yes")
                    .setting("save \"\"")
                    .setting("appendfsync everysec")
                    .setting("dir " + quoted(dir.toString()));
        }
        Process process;
        try {
            List<String> args = builder.buildCommandArgs();
            process = new ProcessBuilder(args).directory(new File(args.get(0)).getParentFile())
                    .redirectErrorStream(true).start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(explain(port, e, output), e);
        }
        Thread reader = new Thread(() -> readOutput(process, output), "embedded-redis-" + port);
        reader.setDaemon(true);
        reader.start();
        LOG.info("embedded Redis started on {}:{} ({})", HOST, port, dir == null ? "no persistence" : "append-only");
        return new EmbeddedRedis(process, output, reader, port, dir == null ? null : dir.resolve(PORT_FILE));
    }

    private static void readOutput(Process process, Deque<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                remember(output, line);
            }
        } catch (IOException e) {
            // the process is gone
        }
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

    /**
     * What went wrong, from the whole cause chain: the library wraps the server's output ("Could not create server
     * TCP listening socket ...: bind: Address already in use", a missing libssl) two causes deep.
     */
    private static String explain(int port, Exception e, Deque<String> errors) {
        StringBuilder chain = new StringBuilder(e == null ? "redis-server exited" : "");
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            for (String line : message.split("\\R")) {
                String l = line.strip();
                // skip the start-up banner; keep the reasons
                if (!l.isEmpty() && !l.contains("oO0OoO0OoO0Oo") && !l.contains("Redis version=")
                        && !l.contains("Configuration loaded") && !l.contains("monotonic clock")) {
                    chain.append(chain.length() == 0 ? "" : " / ").append(l);
                }
            }
        }
        String detail = chain.toString();
        synchronized (errors) {
            if (!errors.isEmpty()) {
                detail = detail + " | output: " + String.join(" / ", errors);
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
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            shutdownHook = null;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: redis-server flushes the append-only file and exits
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    LOG.warn("embedded Redis on port {} did not stop within 10 s; killing it", port);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            LOG.info("embedded Redis on port {} stopped", port);
        }
        if (portFile != null) {
            try {
                Files.deleteIfExists(portFile);
            } catch (IOException e) {
                LOG.debug("cannot delete {}: {}", portFile, e.getMessage());
            }
        }
    }
}
