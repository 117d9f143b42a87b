package org.fellowship.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Webhook mode without a web framework: the app's own HTTP endpoint passes the
 * {@code X-Telegram-Bot-Api-Secret-Token} header and the raw JSON body to {@link #handle} and answers with the returned
 * status; {@link #authenticate} lets it refuse a request on its header before reading the body. The secret is
 * compared in constant time; a missing header is 401, a wrong one 403. A valid update is parsed
 * with TelegramBots' own types and handed to the {@link TelegramUpdateDispatcher}, whose sink queues it; duplicates
 * (Telegram retries) are dropped by the core by {@code update_id}. Register the webhook with the same secret and
 * {@link TelegramLongPolling#ALLOWED_UPDATES}.
 *
 * <p><b>Threading:</b> thread-safe; runs on the web layer's request thread and returns as soon as the sink has queued.
 * <b>Nullness:</b> the header and body may be {@code null} (rejected). <b>Failure:</b> never throws for bad input; a
 * closed core yields 503 so Telegram retries later. Logs never contain the body or the secret.
 */
public final class TelegramWebhook {
    /** The header Telegram sends the secret in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);
    private static final WebhookResult MISSING_SECRET = new WebhookResult(401, "missing secret");
    private static final WebhookResult WRONG_SECRET = new WebhookResult(403, "wrong secret");

    private final byte[] secret;
    private final TelegramUpdateDispatcher dispatcher;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param secretToken the secret given to {@code setWebhook} (1-256 of {@code A-Z a-z 0-9 _ -}), from the environment
     * @param dispatcher  where accepted updates go
     */
    public TelegramWebhook(String secretToken, TelegramUpdateDispatcher dispatcher) {
        if (secretToken == null || !SECRET.matcher(secretToken).matches()) {
            throw new IllegalArgumentException("the webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
        }
        this.secret = secretToken.getBytes(StandardCharsets.UTF_8);
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /**
     * Checks the secret header alone, so a web layer can refuse a request before reading its body. Does not log:
     * unauthenticated requests can come in floods, so the caller counts them and logs at a bounded rate.
     *
     * @return empty when the secret is right; otherwise the answer (401 missing, 403 wrong)
     */
    public Optional<WebhookResult> authenticate(String secretHeader) {
        if (secretHeader == null || secretHeader.isEmpty()) {
            return Optional.of(MISSING_SECRET);
        }
        if (!MessageDigest.isEqual(secret, secretHeader.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(WRONG_SECRET);
        }
        return Optional.empty();
    }

    /** Checks ({@link #authenticate}, without logging a refusal), parses and queues one webhook request. */
    public WebhookResult handle(String secretHeader, String jsonBody) {
        Optional<WebhookResult> refused = authenticate(secretHeader);
        if (refused.isPresent()) {
            return refused.get();
        }
        Update update;
        try {
            update = json.readValue(jsonBody, Update.class);
        } catch (Exception e) {
            LOG.warn("telegram webhook body unparsable: {}", e.getClass().getSimpleName());
            return new WebhookResult(400, "unparsable update");
        }
        if (update == null || update.getUpdateId() == null) {
            return new WebhookResult(400, "not an update");
        }
        try {
            dispatcher.dispatch(update);
        } catch (IllegalStateException e) {
            return new WebhookResult(503, "shutting down");
        }
        return WebhookResult.OK;
    }
}
