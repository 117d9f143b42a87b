package org.fellowship.core.store;

import java.util.Map;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;

/**
 * What a button does, kept server-side behind an opaque token.
 *
 * @param handler   which feature handles the press (for example {@code "profile.language"})
 * @param data      small string arguments for the handler
 * @param allowedUser the only member whose press counts, or {@code null} for anyone in the conversation
 */
public record ButtonAction(String handler, Map<String, String> data, ChatUserId allowedUser) {
    public ButtonAction {
        Objects.requireNonNull(handler, "handler");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public String get(String name) {
        return data.get(name);
    }
}
