package org.fellowship.core.meeting.feed;

import java.util.concurrent.CompletableFuture;

/**
 * Fetches a meeting feed by URL for {@code /meetings import} and the daily refresh. The app implements it over HTTP(S).
 *
 * <p><b>Threading:</b> the meetings feature calls {@link #fetchAsync} from an engine thread or the due-queue worker and
 * never waits for it: an implementation that talks to a network must run the fetch on threads of its own (bounded)
 * and enforce a total deadline (connect, headers and body) and a size limit ({@link FeedParser#MAX_FEED_CHARS}), so
 * a slow server can hold neither the conversation nor scheduled work. Implementations are thread-safe.
 * <b>Nullness:</b> the URL is non-null; results are never {@code null}.
 * <b>Failure:</b> {@link FeedException} with one short line fit to show a moderator (unreachable host, HTTP status,
 * too large, too slow, not allowed), never a stack trace or the response body.
 */
@FunctionalInterface
public interface FeedSource {
    /** Refuses every fetch: for modes without network access. */
    FeedSource NONE = url -> {
        throw new FeedException("Fetching feeds by URL is not available here; paste the JSON after /meetings import.");
    };

    /** Fetches on the calling thread, within the implementation's deadline. */
    String fetch(String url);

    /**
     * Starts a fetch that does not hold the calling thread. The future completes with the body, or exceptionally with
     * a {@link FeedException}. The default runs {@link #fetch} on the calling thread and returns a completed future:
     * right for sources that answer at once (pasted text, test fakes), wrong for a network.
     */
    default CompletableFuture<String> fetchAsync(String url) {
        try {
            return CompletableFuture.completedFuture(fetch(url));
        } catch (FeedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
