package org.fellowship.app.config;

import org.fellowship.telegram.TelegramWebhook;
import org.fellowship.telegram.WebhookResult;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Telegram's webhook endpoint, served by the app's own web layer (the library's webhook module does not work with
 * Boot 4). The adapter verifies the secret header, parses the update and queues it; this answers at once.
 */
@RestController
@ConditionalOnProperty(prefix = "fellowship.telegram", name = "mode", havingValue = "webhook")
public class TelegramWebhookController {
    /** Where Telegram posts updates; {@code fellowship.telegram.webhook-url} must point here. */
    public static final String PATH = "/telegram/webhook";
    private static final int MAX_BODY = 1 << 20;

    private final TelegramAdapterLifecycle telegram;

    public TelegramWebhookController(TelegramAdapterLifecycle telegram) {
        this.telegram = telegram;
    }

    @PostMapping(PATH)
    public ResponseEntity<String> update(
            @RequestHeader(name = TelegramWebhook.SECRET_HEADER, required = false) String secret,
            @RequestBody(required = false) String body) {
        if (body != null && body.length() > MAX_BODY) {
            return ResponseEntity.status(413).body("update too large");
        }
        WebhookResult result = telegram.webhook()
                .map(hook -> hook.handle(secret, body == null ? "" : body))
                .orElse(new WebhookResult(503, "telegram adapter not running"));
        return ResponseEntity.status(result.status()).body(result.reason());
    }
}
