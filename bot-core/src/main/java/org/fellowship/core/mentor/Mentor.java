package org.fellowship.core.mentor;

import java.util.Objects;
import java.util.Set;
import org.fellowship.core.model.ChatUserId;

/**
 * A mentor in the roster: who they are, their escalation tier, whether they are on call, and their own limits.
 *
 * @param capacity  how many unresolved alerts they hold (acknowledged or taken) before they are skipped
 * @param quiet     when not to page them, in their own time zone, or {@code null} for never quiet
 * @param languages language codes they can support in; empty means "page me whatever the language"
 */
public record Mentor(ChatUserId id, String name, int tier, boolean onCall, int capacity, QuietHours quiet,
                     Set<String> languages) {
    public static final int DEFAULT_CAPACITY = 2;
    /** Tiers run from 1 to this. */
    static final int MAX_TIER = 3;

    public Mentor {
        Objects.requireNonNull(id, "id");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }

    /** A mentor with the default capacity, no quiet hours and any language. */
    public Mentor(ChatUserId id, String name, int tier, boolean onCall) {
        this(id, name, tier, onCall, DEFAULT_CAPACITY, null, Set.of());
    }

    Mentor withOnCall(String newName, boolean on) {
        return new Mentor(id, newName == null ? name : newName, tier, on, capacity, quiet, languages);
    }

    Mentor withTier(int newTier) {
        return new Mentor(id, name, newTier, onCall, capacity, quiet, languages);
    }

    Mentor withQuiet(QuietHours newQuiet) {
        return new Mentor(id, name, tier, onCall, capacity, newQuiet, languages);
    }

    Mentor withCapacity(int newCapacity) {
        return new Mentor(id, name, tier, onCall, newCapacity, quiet, languages);
    }

    Mentor withLanguages(Set<String> newLanguages) {
        return new Mentor(id, name, tier, onCall, capacity, quiet, newLanguages);
    }
}
