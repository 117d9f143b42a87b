package org.fellowship.core.store;

import java.time.ZoneId;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;

/**
 * The basics the bot keeps about a member. Private to them.
 *
 * @param id       the member
 * @param zone     their IANA time zone, or {@code null} until they set one
 * @param language BCP-47 language tag of their chosen language
 */
public record MemberProfile(ChatUserId id, ZoneId zone, String language) {
    public static final String DEFAULT_LANGUAGE = "en";

    public MemberProfile {
        Objects.requireNonNull(id, "id");
        language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language;
    }

    public static MemberProfile fresh(ChatUserId id) {
        return new MemberProfile(id, null, DEFAULT_LANGUAGE);
    }

    public MemberProfile withZone(ZoneId newZone) {
        return new MemberProfile(id, newZone, language);
    }

    public MemberProfile withLanguage(String newLanguage) {
        return new MemberProfile(id, zone, newLanguage);
    }

    /** The member's zone, or the given default until they choose one. */
    public ZoneId zoneOr(ZoneId fallback) {
        return zone == null ? fallback : zone;
    }
}
