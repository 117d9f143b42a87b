package org.fellowship.telegram;

/**
 * What the app's web layer should answer Telegram.
 *
 * <p>Immutable and thread-safe; {@code reason} is never {@code null}.
 *
 * @param status HTTP status: 200 accepted, 400 unparsable body, 401 missing secret, 403 wrong secret, 503 shutting down
 * @param reason short fixed text for logs; never contains the request body or the secret
 */
public record WebhookResult(int status, String reason) {
    static final WebhookResult OK = new WebhookResult(200, "ok");

    /** Whether Telegram should consider the update delivered. */
    public boolean accepted() {
        return status == 200;
    }
}
