package org.fellowship.app.meetings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fellowship.core.meeting.FeedException;
import org.fellowship.core.meeting.FeedParser;
import org.fellowship.core.meeting.FeedSource;

/**
 * Fetches meeting feeds over HTTP(S) with {@link HttpClient}: a timeout, at most {@link FeedParser#MAX_FEED_CHARS}
 * characters read (a larger body is refused without reading the rest), and, unless built with
 * {@code allowPrivateNetworks}, no loopback, private, link-local or wildcard addresses, so a moderator cannot make
 * the bot probe the network it runs in. Redirects are not followed (the moderator is told to give the final URL),
 * which keeps that check meaningful. The body must arrive within the timeout too (the client's own timeout ends with
 * the headers), so a server that trickles its answer a byte at a time holds the feed lane for seconds, not hours.
 * Thread-safe. Failures are one-line {@link FeedException}s that never repeat the URL or the body.
 */
public final class HttpFeedSource implements FeedSource {
    private final HttpClient client;
    private final Duration timeout;
    private final boolean allowPrivateNetworks;
    private final Deadline deadline;

    /** Arms {@code onExpiry} to run once {@code after} has passed; running the returned action disarms it. */
    @FunctionalInterface
    interface Deadline {
        Runnable arm(Duration after, Runnable onExpiry);

        /** One daemon timer thread for every source. */
        Deadline TIMER = new Deadline() {
            private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "feed-deadline");
                t.setDaemon(true);
                return t;
            });

            @Override
            public Runnable arm(Duration after, Runnable onExpiry) {
                var task = timer.schedule(onExpiry, after.toMillis(), TimeUnit.MILLISECONDS);
                return () -> task.cancel(false);
            }
        };
    }

    /** A source for production: public addresses only. */
    public HttpFeedSource(Duration timeout) {
        this(timeout, false);
    }

    public HttpFeedSource(Duration timeout, boolean allowPrivateNetworks) {
        this(timeout, allowPrivateNetworks, Deadline.TIMER);
    }

    HttpFeedSource(Duration timeout, boolean allowPrivateNetworks, Deadline deadline) {
        this.deadline = deadline;
        this.timeout = timeout;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private void requirePublic(String host) {
        if (allowPrivateNetworks) {
            return;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                        || a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc)) {
                    throw new FeedException("That feed URL points into a private network; use a public address.");
                }
            }
        } catch (UnknownHostException e) {
            throw new FeedException("The feed server's name could not be resolved.");
        }
    }

    @Override
    public String fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FeedException("That is not a valid URL.");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new FeedException("Only http:// and https:// feed URLs can be imported.");
        }
        requirePublic(uri.getHost());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 == 3) {
                    throw new FeedException("The feed URL redirects (HTTP " + response.statusCode()
                            + "); give the address it redirects to.");
                }
                if (response.statusCode() != 200) {
                    throw new FeedException("The feed server answered HTTP " + response.statusCode() + ".");
                }
                // Closing the stream from the timer thread ends a read that is waiting for the next byte.
                AtomicBoolean expired = new AtomicBoolean();
                Runnable disarm = deadline.arm(timeout, () -> {
                    expired.set(true);
                    try {
                        body.close();
                    } catch (IOException ignored) {
                        // closing is all we can do
                    }
                });
                try {
                    return read(body);
                } catch (IOException e) {
                    if (expired.get()) {
                        throw new FeedException("The feed server did not send the whole feed within "
                                + timeout.toSeconds() + " s.");
                    }
                    throw e;
                } finally {
                    disarm.run();
                }
            }
        } catch (HttpTimeoutException e) {
            throw new FeedException("The feed server did not answer within " + timeout.toSeconds() + " s.");
        } catch (IOException e) {
            throw new FeedException("Could not reach the feed server (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("Fetching the feed was interrupted.");
        }
    }

    private static String read(InputStream body) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) > 0) {
                sb.append(buffer, 0, n);
                if (sb.length() > FeedParser.MAX_FEED_CHARS) {
                    throw new FeedException("That feed is larger than " + FeedParser.MAX_FEED_CHARS / 1_000_000
                            + " MB.");
                }
            }
        }
        return sb.toString();
    }
}
