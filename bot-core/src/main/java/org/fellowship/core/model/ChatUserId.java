package org.fellowship.core.model;

import java.util.Objects;

/** A person on one platform. The value is the platform's own stable user id (never a display name). */
public record ChatUserId(Platform platform, String value) {
    public ChatUserId {
        Objects.requireNonNull(platform, "platform");
        Ids.requireId(value, "user id");
    }

    /** Short form for logs and keys, e.g. {@code tg:42}. Contains no personal text. */
    @Override
    public String toString() {
        return platform.code() + ":" + value;
    }
}
