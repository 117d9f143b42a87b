package org.fellowship.app.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.fellowship.app.http.AddressPolicy;
import org.fellowship.app.http.OutboundHttp;
import org.fellowship.core.meeting.feed.FeedException;
import org.fellowship.core.meeting.feed.FeedParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feeds over real loopback HTTP: the total deadline, the byte cap, the address policy on every hop, the executor. */
class HttpFeedSourceTest {
    private static final InetAddress LOOPBACK = loopback();
    private static final String PRIVATE = "That feed URL points into a private network; use a public address.";

    private HttpServer server;
    private ExecutorService serverThreads;
    private String base;
    private int port;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicBoolean hugeBodySentToTheEnd = new AtomicBoolean();
    private final CountDownLatch hugeHandlerDone = new CountDownLatch(1);
    private final List<OutboundHttp> clients = new ArrayList<>();

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A source that may reach this test's loopback server (127.0.0.1 only) and nothing else private. */
    private HttpFeedSource source(Duration deadline, int threads) {
        return source(deadline, threads, InetAddress::getAllByName);
    }

    private HttpFeedSource source(Duration deadline, int threads, OutboundHttp.Resolver resolver) {
        OutboundHttp http = OutboundHttp.withThreads(AddressPolicy.publicOnly().alsoAllowing(LOOPBACK), resolver,
                deadline, threads);
        clients.add(http);
        return new HttpFeedSource(http);
    }

    private HttpFeedSource production() {
        OutboundHttp http = OutboundHttp.withThreads(AddressPolicy.publicOnly(), Duration.ofSeconds(2), 1);
        clients.add(http);
        return new HttpFeedSource(http);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/feed.json", ex -> respond(ex, 200, "[{\"name\":\"A\"}]"));
        server.createContext("/missing", ex -> respond(ex, 404, "nope"));
        server.createContext("/moved", ex -> redirect(ex, "/feed.json"));
        server.createContext("/loop", ex -> redirect(ex, "/loop"));
        server.createContext("/to-private", ex -> redirect(ex, "http://127.0.0.2:" + port + "/feed.json"));
        server.createContext("/to-ftp", ex -> redirect(ex, "ftp://example.org/feed.json"));
        server.createContext("/huge", ex -> {
            // no length declared: 64 MB, far more than loopback socket buffers hold, so the whole body goes out only
            // if the client keeps reading past the cap; a client that stops and hangs up ends this with an IOException
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
                hugeBodySentToTheEnd.set(true);
            } catch (IOException ignored) {
                // the client hung up, as it should
            } finally {
                hugeHandlerDone.countDown();
            }
        });
        server.createContext("/declared-huge", ex -> {
            // declares 6 MB, then sends nothing until the test ends
            ex.sendResponseHeaders(200, 6_000_000);
            ex.getResponseBody().flush();
            awaitGate();
            ex.close();
        });
        server.createContext("/trickle", ex -> {
            // headers at once, then one byte every 50 ms until the client hangs up (bounded at 10 minutes): a body
            // that never ends, so only the client's deadline can end the fetch, however slow the machine
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 12_000; i++) {
                    out.write(i == 0 ? '[' : ' ');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException ignored) {
                // the client hung up, as it should
            }
        });
        server.createContext("/gated", ex -> {
            awaitGate();
            respond(ex, 200, "[]");
        });
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
        base = "http://127.0.0.1:" + port;
    }

    private void awaitGate() {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        respond(ex, 302, "");
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        gate.countDown();
        clients.forEach(OutboundHttp::close);
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void fetchesTheBodyFollowingRedirects() {
        HttpFeedSource source = source(Duration.ofSeconds(5), 1);
        assertThat(source.fetch(base + "/feed.json")).isEqualTo("[{\"name\":\"A\"}]");
        assertThat(source.fetch(base + "/moved")).isEqualTo("[{\"name\":\"A\"}]");
    }

    @Test
    void aTricklingServerIsCutOffAtTheTotalDeadline() {
        HttpFeedSource quick = source(Duration.ofMillis(500), 1);
        assertThatThrownBy(() -> quick.fetch(base + "/trickle")).isInstanceOf(FeedException.class)
                .hasMessage("The feed server did not send the whole feed within 0.5 s.");
    }

    @Test
    void aBodyOverTheCapIsRefusedWhileReading() throws InterruptedException {
        HttpFeedSource source = source(Duration.ofSeconds(20), 1);
        assertThatThrownBy(() -> source.fetch(base + "/huge")).hasMessage("That feed is larger than 5 MB.");
        // the bound only limits how long a broken client could hang the test; no speed is asserted
        assertThat(hugeHandlerDone.await(2, TimeUnit.MINUTES)).as("the client hung up after refusing").isTrue();
        assertThat(hugeBodySentToTheEnd).as("the client stopped reading after the cap, not at the end").isFalse();
        assertThatThrownBy(() -> source.fetch(base + "/declared-huge")).as("a declared length is refused at once")
                .hasMessage("That feed is larger than 5 MB.");
        assertThat(FeedParser.MAX_FEED_CHARS).isEqualTo(5_000_000);
    }

    @Test
    void theFetchRunsOnItsOwnBoundedExecutorNotTheCallersThread() {
        HttpFeedSource source = source(Duration.ofSeconds(20), 1);
        CompletableFuture<String> running = source.fetchAsync(base + "/gated");
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            queued.add(source.fetchAsync(base + "/gated"));
        }
        assertThat(running).as("returned before the server answered").isNotDone();
        CompletableFuture<String> tooMany = source.fetchAsync(base + "/gated");
        assertThatThrownBy(tooMany::join).hasCauseInstanceOf(FeedException.class)
                .hasRootCauseMessage("Too many feeds are being fetched right now; please try again in a minute.");

        gate.countDown();
        assertThat(running.join()).isEqualTo("[]");
        assertThat(queued).allSatisfy(f -> assertThat(f.join()).isEqualTo("[]"));
    }

    @Test
    void theProductionPolicyRefusesPrivateNetworks() {
        HttpFeedSource production = production();
        for (String url : new String[] {base + "/feed.json", "http://10.1.2.3/x", "http://192.168.0.1/x",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://0.0.0.0/x",
                "http://localhost:" + port + "/feed.json"}) {
            assertThatThrownBy(() -> production.fetch(url)).as(url).isInstanceOf(FeedException.class)
                    .hasMessage(PRIVATE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://100.64.0.1/x", "http://198.18.0.1/x", "http://0.1.2.3/x", "http://240.0.0.1/x",
            "http://255.255.255.255/x", "http://[::127.0.0.1]/x", "http://[64:ff9b::7f00:1]/x",
            "http://[64:ff9b::a9fe:a9fe]/x", "http://[2002:7f00:1::1]/x", "http://[2002:c0a8:101::1]/x",
            "http://[::ffff:169.254.169.254]/x", "http://[fe80::1]/x", "http://2130706433/x"})
    void specialPurposeAddressesInEveryFormAreRefused(String url) {
        assertThatThrownBy(() -> production().fetch(url)).isInstanceOf(FeedException.class).hasMessage(PRIVATE);
    }

    @Test
    void aHexHostIsNeverFetched() {
        // Java reads 0x7f.1 neither as an address nor as a host name; whichever refusal applies, nothing is fetched
        assertThatThrownBy(() -> production().fetch("http://0x7f.1:" + port + "/feed.json"))
                .isInstanceOf(FeedException.class).extracting(Throwable::getMessage)
                .isIn(PRIVATE, "The feed server's name could not be resolved.",
                        "Only http:// and https:// feed URLs can be imported.");
    }

    @Test
    void everyRedirectIsCheckedAgain() {
        HttpFeedSource source = source(Duration.ofSeconds(5), 1);
        assertThatThrownBy(() -> source.fetch(base + "/to-private")).as("127.0.0.2 is not the allowed test address")
                .hasMessage(PRIVATE);
        assertThatThrownBy(() -> source.fetch(base + "/loop")).hasMessage("The feed URL redirects more than 5 "
                + "times, or to no web address (HTTP 302); give the address it ends at.");
        assertThatThrownBy(() -> source.fetch(base + "/to-ftp")).hasMessageStartingWith("The feed URL redirects");
    }

    @Test
    void theHostIsResolvedOnceAndTheCheckedAddressIsTheOneConnected() {
        AtomicInteger lookups = new AtomicInteger();
        // DNS rebinding: the first answer passes the check, every later one points elsewhere
        HttpFeedSource source = source(Duration.ofSeconds(5), 1, host -> lookups.incrementAndGet() == 1
                ? new InetAddress[] {LOOPBACK} : new InetAddress[] {InetAddress.getByName("10.0.0.1")});
        assertThat(source.fetch("http://feeds.example:" + port + "/feed.json")).isEqualTo("[{\"name\":\"A\"}]");
        assertThat(lookups).hasValue(1);

        HttpFeedSource mixed = source(Duration.ofSeconds(5), 1, host -> new InetAddress[] {LOOPBACK,
                InetAddress.getByName("10.0.0.1")});
        assertThatThrownBy(() -> mixed.fetch("http://feeds.example:" + port + "/feed.json"))
                .as("one refused address refuses the host").hasMessage(PRIVATE);
    }

    @Test
    void failuresAreOneLine() {
        HttpFeedSource source = source(Duration.ofSeconds(5), 1);
        assertThatThrownBy(() -> source.fetch(base + "/missing")).isInstanceOf(FeedException.class)
                .hasMessage("The feed server answered HTTP 404.");
        assertThatThrownBy(() -> source.fetch("ftp://example.org/x")).hasMessage(
                "Only http:// and https:// feed URLs can be imported.");
        assertThatThrownBy(() -> source.fetch("http://no-such-host.invalid/x"))
                .hasMessage("The feed server's name could not be resolved.");
        server.stop(0);
        assertThatThrownBy(() -> source.fetch(base + "/feed.json"))
                .hasMessageStartingWith("Could not reach the feed server (");
    }
}
