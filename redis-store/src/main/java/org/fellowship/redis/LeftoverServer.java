package org.fellowship.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server a killed process left running on an embedded data directory. Two servers must never share one
 * append-only file, so {@link EmbeddedRedis#start} stops such a server first. Stateless.
 */
final class LeftoverServer {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    /**
     * Stops a server a killed process left on {@code dir}: the port file names its port, and {@code CONFIG GET dir}
     * proves it is a server on this directory (not an unrelated one that took the port since). {@code SHUTDOWN}
     * makes it flush its append-only file; then we wait until the port is closed.
     */
    static void stop(Path dir, Retry ready) {
        Path file = dir.resolve(EmbeddedRedis.PORT_FILE);
        int port;
        try {
            port = Integer.parseInt(Files.readString(file).strip());
        } catch (IOException | NumberFormatException e) {
            return; // no port file, or an unreadable one: no server of ours was left
        }
        List<String> reply;
        try {
            reply = RedisSocket.command(EmbeddedRedis.HOST, port, "CONFIG GET dir");
        } catch (IOException e) {
            return; // nothing answers there: the server died with its process
        }
        if (!reply.contains(dir.toString()) && !reply.contains(realPath(dir))) {
            return;
        }
        LOG.warn("embedded Redis left running on port {} by a process that did not stop it (killed?) uses {}; "
                + "stopping it before starting ours", port, dir);
        try {
            RedisSocket.command(EmbeddedRedis.HOST, port, "SHUTDOWN");
        } catch (IOException e) {
            // expected: the server closes the connection as it exits
        }
        try {
            ready.run("waiting for the leftover embedded Redis on port " + port + " to exit", LOG,
                    e -> e instanceof IllegalStateException, () -> {
                        if (!EmbeddedRedis.isFree(port)) {
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
}
