package org.fellowship.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the Telegram Bot API. The token comes from the environment and is never logged: {@link #toString()}
 * hides it.
 *
 * <p>Immutable and thread-safe. Only {@code botUsername} may be {@code null}; {@code null} durations take the
 * defaults; a blank token or an API URL without scheme and host is rejected with {@link IllegalArgumentException}.
 *
 * @param token             the bot token from BotFather
 * @param apiUrl            the Bot API base URL ({@code https://api.telegram.org}; a loopback fake in tests)
 * @param botUsername       the bot's username without '@', or {@code null} to learn it from {@code getMe}
 * @param requestTimeout    upper bound of one Bot API call (connect, write, read)
 * @param pollTimeout       long-polling {@code getUpdates} timeout; the polling client's read timeout exceeds it
 * @param maxRetries        how often one call is retried after HTTP 429
 * @param maxRetryWait      the longest {@code retry_after} honoured by waiting; longer ones fail as RATE_LIMITED
 * @param adminCacheTtl     how long a group's administrator list is cached
 */
public record TelegramConfig(String token, URI apiUrl, String botUsername, Duration requestTimeout,
                             Duration pollTimeout, int maxRetries, Duration maxRetryWait, Duration adminCacheTtl) {
    /** The real Bot API. */
    public static final URI TELEGRAM_API = URI.create("https://api.telegram.org");

    public TelegramConfig {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the Telegram bot token is missing (set it in the environment)");
        }
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (apiUrl.getScheme() == null || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("apiUrl needs a scheme and host");
        }
        botUsername = botUsername == null || botUsername.isBlank() ? null
                : botUsername.startsWith("@") ? botUsername.substring(1) : botUsername;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
        pollTimeout = pollTimeout == null ? Duration.ofSeconds(50) : pollTimeout;
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        maxRetryWait = maxRetryWait == null ? Duration.ofSeconds(30) : maxRetryWait;
        adminCacheTtl = adminCacheTtl == null ? Duration.ofMinutes(10) : adminCacheTtl;
    }

    /** Production defaults for a token. */
    public static TelegramConfig of(String token) {
        return new TelegramConfig(token, TELEGRAM_API, null, null, null, 3, null, null);
    }

    public TelegramConfig withApiUrl(URI url) {
        return new TelegramConfig(token, url, botUsername, requestTimeout, pollTimeout, maxRetries, maxRetryWait,
                adminCacheTtl);
    }

    public TelegramConfig withBotUsername(String name) {
        return new TelegramConfig(token, apiUrl, name, requestTimeout, pollTimeout, maxRetries, maxRetryWait,
                adminCacheTtl);
    }

    public TelegramConfig withPollTimeout(Duration timeout) {
        return new TelegramConfig(token, apiUrl, botUsername, requestTimeout, timeout, maxRetries, maxRetryWait,
                adminCacheTtl);
    }

    /** Port of {@link #apiUrl()}, defaulting by scheme. */
    int port() {
        if (apiUrl.getPort() > 0) {
            return apiUrl.getPort();
        }
        return "http".equalsIgnoreCase(apiUrl.getScheme()) ? 80 : 443;
    }

    @Override
    public String toString() {
        return "TelegramConfig[apiUrl=" + apiUrl + ", botUsername=" + botUsername + ", token=<hidden>]";
    }
}
