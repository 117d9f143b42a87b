package org.fellowship.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * One {@code redis-server} process launched by us, from the binary and config file inside
 * {@code com.github.codemonstur:embedded-redis}: the library's own launcher adds a JVM shutdown hook that cannot be
 * removed, and that hook stopped Redis under the app while it drained. Its output (stdout and stderr together) is
 * read all the time, so a full pipe never blocks the server; the last lines explain a failed start.
 */
final class RedisProcess {
    private static final Logger LOG = LoggerFactory.getLogger(RedisProcess.class);
    /** How many of the server's last output lines are kept for explaining a failure. */
    private static final int OUTPUT_LINES = 20;

    private final Process process;
    private final Deque<String> output;
    private final Thread reader;
    private final int port;

    private RedisProcess(Process process, Deque<String> output, Thread reader, int port) {
        this.process = process;
        this.output = output;
        this.reader = reader;
        this.port = port;
    }

    /**
     * Launches the server on {@link EmbeddedRedis#HOST}:{@code port}.
     *
     * @param dir the append-only data directory, or {@code null} for no persistence
     * @throws IllegalStateException when the binary cannot be started; the message says why
     */
    static RedisProcess launch(Path dir, int port) {
        Deque<String> output = new ArrayDeque<>();
        RedisServerBuilder builder = RedisServer.newRedisServer()
                .bind(EmbeddedRedis.HOST)
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
        LOG.info("embedded Redis started on {}:{} ({})", EmbeddedRedis.HOST, port,
                dir == null ? "no persistence" : "append-only");
        return new RedisProcess(process, output, reader, port);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Why the exited server stopped, in its own words (waits briefly for the rest of its output). */
    String exitReason() throws InterruptedException {
        reader.join(1_000);
        return explain(port, null, output);
    }

    /** SIGTERM (redis-server flushes the append-only file and exits), then a kill after 10 s. Idempotent. */
    void stop() {
        if (process.isAlive()) {
            process.destroy();
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
            if (lines.size() > OUTPUT_LINES) {
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
        return "cannot start embedded Redis on " + EmbeddedRedis.HOST + ":" + port + "." + hint + " Cause: " + detail;
    }
}
