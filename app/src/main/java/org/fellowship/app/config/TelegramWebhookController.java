package org.fellowship.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.fellowship.telegram.TelegramWebhook;
import org.fellowship.telegram.WebhookResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Telegram's webhook endpoint, served by the app's own web layer (the library's webhook module does not work with
 * Boot 4). The secret header is checked before a single byte of the body is read: a request without the right one is
 * answered 401/403 at once, counted and logged at a bounded rate ({@link RejectedRequests}). An authenticated body is
 * streamed with a hard cap of {@link #MAX_BODY} bytes (413 beyond it), then the adapter parses the update and queues
 * it; this answers at once.
 */
@RestController
@ConditionalOnProperty(prefix = "fellowship.telegram", name = "mode", havingValue = "webhook")
public class TelegramWebhookController {
    /** Where Telegram posts updates; {@code fellowship.telegram.webhook-url} must point here. */
    public static final String PATH = "/telegram/webhook";
    /** Largest update accepted (Telegram's are a few kilobytes). */
    static final int MAX_BODY = 1 << 20;

    private final Supplier<Optional<TelegramWebhook>> webhook;
    private final RejectedRequests rejected;

    @Autowired
    public TelegramWebhookController(TelegramAdapterLifecycle telegram, MeterRegistry registry, Clock clock) {
        this(telegram::webhook, registry, clock);
    }

    /** @param webhook the adapter's handler while it runs */
    TelegramWebhookController(Supplier<Optional<TelegramWebhook>> webhook, MeterRegistry registry, Clock clock) {
        this.webhook = webhook;
        this.rejected = new RejectedRequests(registry, clock, "telegram-webhook");
    }

    @PostMapping(PATH)
    public ResponseEntity<String> update(HttpServletRequest request) throws IOException {
        Optional<TelegramWebhook> hook = webhook.get();
        if (hook.isEmpty()) {
            return ResponseEntity.status(503).body("telegram adapter not running");
        }
        String secret = request.getHeader(TelegramWebhook.SECRET_HEADER);
        Optional<WebhookResult> refused = hook.get().authenticate(secret);
        if (refused.isPresent()) {
            rejected.record(refused.get().reason());
            // the body stays unread: the server discards at most its small swallow limit, then drops the connection
            return ResponseEntity.status(refused.get().status()).header(HttpHeaders.CONNECTION, "close")
                    .body(refused.get().reason());
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            return tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return tooLarge();
        }
        WebhookResult result = hook.get().handle(secret, new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.status(result.status()).body(result.reason());
    }

    private static ResponseEntity<String> tooLarge() {
        return ResponseEntity.status(413).header(HttpHeaders.CONNECTION, "close").body("update too large");
    }
}
