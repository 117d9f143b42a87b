package org.fellowship.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.MemberProfile;

/**
 * JSON mapping between domain records and the versioned DTOs stored in Redis. The domain records stay free of
 * Jackson; every stored record carries {@code "v": 1} and a record with another version is refused with a clear
 * {@link IllegalStateException} rather than misread.
 *
 * <p>Thread-safe (the {@link ObjectMapper} is configured once and only used afterwards). Error messages name the
 * record type, never its content.
 */
final class RecordCodec {
    static final int VERSION = VersionedJson.VERSION;

    private final VersionedJson versioned = new VersionedJson();

    /**
     * Stored form of {@link MemberProfile}; {@code zone} is the IANA id or {@code null}; {@code noFollowUps} came later
     * ({@code null} reads as false).
     */
    record ProfileV1(int v, String platform, String user, String zone, String language, Boolean noFollowUps) {
    }

    /** Stored form of {@link ButtonAction}; the allowed user is split into platform code and id, or both null. */
    record ButtonActionV1(int v, String handler, Map<String, String> data, String userPlatform, String user) {
    }

    String writeProfile(MemberProfile profile) {
        ChatUserId id = profile.id();
        return write(new ProfileV1(VERSION, id.platform().code(), id.value(),
                profile.zone() == null ? null : profile.zone().getId(), profile.language(),
                profile.noFollowUps() ? Boolean.TRUE : null), "profile");
    }

    MemberProfile readProfile(String json) {
        ProfileV1 dto = read(json, ProfileV1.class, "profile");
        try {
            ZoneId zone = dto.zone() == null ? null : ZoneId.of(dto.zone());
            return new MemberProfile(new ChatUserId(platform(dto.platform()), dto.user()), zone, dto.language(),
                    Boolean.TRUE.equals(dto.noFollowUps()));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored profile record is invalid", e);
        }
    }

    String writeButtonAction(ButtonAction action) {
        ChatUserId allowed = action.allowedUser();
        return write(new ButtonActionV1(VERSION, action.handler(), action.data(),
                allowed == null ? null : allowed.platform().code(), allowed == null ? null : allowed.value()),
                "button action");
    }

    ButtonAction readButtonAction(String json) {
        ButtonActionV1 dto = read(json, ButtonActionV1.class, "button action");
        try {
            ChatUserId allowed = dto.user() == null ? null : new ChatUserId(platform(dto.userPlatform()), dto.user());
            return new ButtonAction(dto.handler(), dto.data(), allowed);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored button action record is invalid", e);
        }
    }

    /** Plain JSON array of strings (numbered choices, export of collection values). */
    String writeStrings(List<String> values) {
        return write(values, "string list");
    }

    List<String> readStrings(String json) {
        try {
            return versioned.mapper().readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored string list is not valid JSON", e);
        }
    }

    /** Any simple value (maps, lists) as JSON, for export. */
    String writeAny(Object value) {
        return write(value, "export value");
    }

    private String write(Object value, String what) {
        return versioned.write(value, what);
    }

    private <T> T read(String text, Class<T> type, String what) {
        return versioned.read(text, type, what);
    }

    private static Platform platform(String code) {
        return VersionedJson.platform(code);
    }
}
