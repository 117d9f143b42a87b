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
 * @param noFollowUps {@code true} when the member asked not to get gentle follow-ups after a crisis offer
 */
public record MemberProfile(ChatUserId id, ZoneId zone, String language, boolean noFollowUps) {
    public static final String DEFAULT_LANGUAGE = "en";

    /** A profile with follow-ups on. */
    public MemberProfile(ChatUserId id, ZoneId zone, String language) {
        this(id, zone, language, false);
    }

    public MemberProfile {
        Objects.requireNonNull(id, "id");
        language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language;
    }

    public static MemberProfile fresh(ChatUserId id) {
        return new MemberProfile(id, null, DEFAULT_LANGUAGE);
    }

    public MemberProfile withZone(ZoneId newZone) {
        return new MemberProfile(id, newZone, language, noFollowUps);
    }

    public MemberProfile withLanguage(String newLanguage) {
        return new MemberProfile(id, zone, newLanguage, noFollowUps);
    }

    public MemberProfile withFollowUps(boolean wanted) {
        return new MemberProfile(id, zone, language, !wanted);
    }

    /** The member's zone, or the given default until they choose one. */
    public ZoneId zoneOr(ZoneId fallback) {
        return zone == null ? fallback : zone;
    }
}
