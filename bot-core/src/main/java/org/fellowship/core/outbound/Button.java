package org.fellowship.core.outbound;

import java.util.Objects;

/**
 * A button: what the member sees and the opaque token that comes back when it is pressed.
 *
 * @param label short visible text
 * @param token opaque, at most {@link #MAX_TOKEN_LENGTH} ASCII characters (fits Telegram's 64-byte callback data
 *              and Discord's 100-character custom id); the payload behind it lives server-side
 */
public record Button(String label, String token) {
    public static final int MAX_TOKEN_LENGTH = 40;

    public Button {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("button label must not be blank");
        }
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !token.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("button token must be 1-" + MAX_TOKEN_LENGTH + " printable ASCII characters");
        }
    }
}
