package org.fellowship.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inline commands to a local Redis over a plain socket, before any client is connected: the readiness {@code PING}
 * and the questions asked of a leftover server. The embedded server has no password and no TLS. Stateless.
 */
final class RedisSocket {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSocket.class);
    private static final int SOCKET_TIMEOUT_MILLIS = 5_000;

    private RedisSocket() {
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

    /** Sends one inline command and returns the reply's lines (bulk strings unwrapped, RESP headers dropped). */
    static List<String> command(String host, int port, String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
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

    /** One PING; an {@link IOException} unless the answer is {@code +PONG}. */
    static Void ping(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
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
}
