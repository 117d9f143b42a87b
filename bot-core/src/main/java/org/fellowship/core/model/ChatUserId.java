package org.fellowship.core.model;

import java.util.Objects;

/** A person on one platform. The value is the platform's own stable user id (never a display name). */
public record ChatUserId(Platform platform, String value) {
    public ChatUserId {
        Objects.requireNonNull(platform, "platform");
        Ids.requireId(value, "user id");
    }

    /** Reads the short form of {@link #toString()} back ({@code tg:42}). */
    public static ChatUserId parse(String text) {
        int cut = text == null ? -1 : text.indexOf(':');
        if (cut > 0) {
            for (Platform p : Platform.values()) {
                if (p.code().equals(text.substring(0, cut))) {
                    return new ChatUserId(p, text.substring(cut + 1));
                }
            }
        }
        throw new IllegalArgumentException("not a member id of the form tg:42");
    }

    /** Short form for logs and keys, e.g. {@code tg:42}. Contains no personal text. */
    @Override
    public String toString() {
        return platform.code() + ":" + value;
    }
}
