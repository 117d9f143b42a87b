package org.fellowship.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server on a port the test holds (so nothing else can take it), for the waits on a Redis server:
 * connection {@code n} gets the {@code n}-th scripted reply line after reading one line, or is closed at once when
 * that reply is {@code null}; after the script the last entry repeats. Runs on one daemon thread until closed.
 */
final class ScriptedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> replies;
    private final AtomicInteger connections = new AtomicInteger();

    /** @param replies one per connection; {@code null} closes that connection without a word */
    ScriptedServer(String... replies) throws IOException {
        this.replies = java.util.Arrays.asList(replies);
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread thread = new Thread(this::serve, "scripted-server-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How many connections were accepted so far. */
    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                int n = connections.getAndIncrement();
                String reply = replies.get(Math.min(n, replies.size() - 1));
                if (reply != null) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                            StandardCharsets.US_ASCII));
                    in.readLine();
                    OutputStream out = client.getOutputStream();
                    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // closed, or the client went away: serve the next one
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
