package org.fellowship.app.meetings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.fellowship.app.http.HttpFailure;
import org.fellowship.app.http.OutboundHttp;
import org.fellowship.core.meeting.feed.FeedException;
import org.fellowship.core.meeting.feed.FeedParser;
import org.fellowship.core.meeting.feed.FeedSource;

/**
 * Fetches meeting feeds over HTTP(S) through the app's {@link OutboundHttp}: one total deadline for the whole exchange,
 * at most {@link FeedParser#MAX_FEED_CHARS} bytes read, public addresses only (checked on the address actually
 * connected, on every redirect), on that instance's own bounded executor, so {@link #fetchAsync} never holds the
 * engine's or the scheduler's thread.
 * Thread-safe. Failures are one-line {@link FeedException}s that never repeat the URL or the body.
 */
public final class HttpFeedSource implements FeedSource {
    private final OutboundHttp http;

    public HttpFeedSource(OutboundHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Blocks the caller until the feed arrived or failed, within the deadline. */
    @Override
    public String fetch(String url) {
        try {
            return fetchAsync(url).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof FeedException feed) {
                throw feed;
            }
            throw new FeedException("Could not fetch the feed.");
        }
    }

    @Override
    public CompletableFuture<String> fetchAsync(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new FeedException("That is not a valid URL."));
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            return CompletableFuture.failedFuture(new FeedException("Only http:// and https:// feed URLs can be "
                    + "imported."));
        }
        return http.get(url, FeedParser.MAX_FEED_CHARS, "application/json").handle((bytes, error) -> {
            if (error != null) {
                throw message(error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        });
    }

    private FeedException message(Throwable error) {
        if (!(error instanceof HttpFailure failure)) {
            return new FeedException("Could not fetch the feed.");
        }
        return new FeedException(switch (failure.kind()) {
            case INVALID_URL -> "That is not a valid URL.";
            case REFUSED_ADDRESS -> "That feed URL points into a private network; use a public address.";
            case UNRESOLVED -> "The feed server's name could not be resolved.";
            case DEADLINE -> "The feed server did not send the whole feed within " + seconds(http.deadline()) + ".";
            case TOO_LARGE -> "That feed is larger than " + FeedParser.MAX_FEED_CHARS / 1_000_000 + " MB.";
            case STATUS -> failure.status() / 100 == 3
                    ? "The feed URL redirects more than " + OutboundHttp.MAX_REDIRECTS + " times, or to no web "
                    + "address (HTTP " + failure.status() + "); give the address it ends at."
                    : "The feed server answered HTTP " + failure.status() + ".";
            case UNREACHABLE -> "Could not reach the feed server (" + failure.detail() + ").";
            case BUSY -> "Too many feeds are being fetched right now; please try again in a minute.";
        });
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
