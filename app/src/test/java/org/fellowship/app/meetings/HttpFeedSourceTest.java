package org.fellowship.app.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.fellowship.core.meeting.FeedException;
import org.fellowship.core.meeting.FeedParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFeedSourceTest {
    private HttpServer server;
    private String base;
    private final HttpFeedSource source = new HttpFeedSource(Duration.ofMinutes(1), true);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.json", ex -> respond(ex, 200, "[{\"name\":\"A\"}]"));
        server.createContext("/missing", ex -> respond(ex, 404, "nope"));
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/feed.json");
            respond(ex, 301, "");
        });
        server.createContext("/huge", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i <= FeedParser.MAX_FEED_CHARS / chunk.length + 1; i++) {
                    out.write(chunk);
                }
            } catch (IOException ignored) {
                // the client hung up, as it should
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        serverMayFinish.countDown();
        server.stop(0);
    }

    private final java.util.concurrent.CountDownLatch trickling = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch serverMayFinish = new java.util.concurrent.CountDownLatch(1);

    @Test
    void aServerTricklingTheBodyPastTheDeadlineIsCutOff() throws Exception {
        server.createContext("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("[{\"name\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                trickling.countDown();
                serverMayFinish.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException | IOException ignored) {
                // the client hung up, as it should
            }
        });
        java.util.concurrent.atomic.AtomicReference<Runnable> expiry = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch armed = new java.util.concurrent.CountDownLatch(1);
        HttpFeedSource guarded = new HttpFeedSource(Duration.ofSeconds(2), true, (after, onExpiry) -> {
            expiry.set(onExpiry);
            armed.countDown();
            return () -> { };
        });
        java.util.concurrent.CompletableFuture<String> fetch = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> guarded.fetch(base + "/trickle"));
        assertThat(trickling.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(armed.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        expiry.get().run(); // the deadline passes while the read waits for the next byte

        assertThatThrownBy(() -> fetch.get(60, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(FeedException.class)
                .hasRootCauseMessage("The feed server did not send the whole feed within 2 s.");
    }

    @Test
    void fetchesTheBody() {
        assertThat(source.fetch(base + "/feed.json")).isEqualTo("[{\"name\":\"A\"}]");
    }

    @Test
    void productionSourceRefusesPrivateNetworks() {
        HttpFeedSource production = new HttpFeedSource(Duration.ofMinutes(1));
        for (String url : new String[] {base + "/feed.json", "http://10.1.2.3/x", "http://192.168.0.1/x",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://0.0.0.0/x"}) {
            assertThatThrownBy(() -> production.fetch(url)).as(url).isInstanceOf(FeedException.class)
                    .hasMessage("That feed URL points into a private network; use a public address.");
        }
    }

    @Test
    void failuresAreOneLine() {
        assertThatThrownBy(() -> source.fetch(base + "/missing")).isInstanceOf(FeedException.class)
                .hasMessage("The feed server answered HTTP 404.");
        assertThatThrownBy(() -> source.fetch(base + "/huge")).hasMessage("That feed is larger than 5 MB.");
        assertThatThrownBy(() -> source.fetch(base + "/moved")).hasMessage(
                "The feed URL redirects (HTTP 301); give the address it redirects to.");
        assertThatThrownBy(() -> source.fetch("ftp://example.org/x")).hasMessage(
                "Only http:// and https:// feed URLs can be imported.");
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThatThrownBy(() -> source.fetch("http://127.0.0.1:" + port + "/feed.json"))
                .hasMessageStartingWith("Could not reach the feed server (");
    }
}
