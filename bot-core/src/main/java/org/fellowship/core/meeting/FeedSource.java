package org.fellowship.core.meeting;

/**
 * Fetches a meeting feed by URL for {@code /meetings import}. The app implements it over HTTP(S).
 *
 * <p><b>Threading:</b> called from the engine's thread for the moderator's conversation, so it blocks that
 * conversation only; implementations must be thread-safe and enforce a timeout (a few seconds) and a size limit
 * ({@link FeedParser#MAX_FEED_CHARS}). <b>Nullness:</b> the URL is non-null; the result is never {@code null}.
 * <b>Failure:</b> {@link FeedException} with one short line fit to show a moderator (unreachable host, HTTP status,
 * too large, not allowed), never a stack trace or the response body.
 */
@FunctionalInterface
public interface FeedSource {
    /** Refuses every fetch: for modes without network access. */
    FeedSource NONE = url -> {
        throw new FeedException("Fetching feeds by URL is not available here; paste the JSON after /meetings import.");
    };

    String fetch(String url);
}
