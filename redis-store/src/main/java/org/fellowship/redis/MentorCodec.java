package org.fellowship.redis;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.mentor.Mentor;
import org.fellowship.core.mentor.MentorStore.AlertState;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.mentor.QuietHours;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;

/**
 * JSON mapping of the mentor chain's records, in the style of {@link RecordCodec}: explicit versioned DTOs
 * ({@code "v": 1}), platforms as their codes, instants as ISO-8601, enums by name. The alert's revision is not part of
 * the JSON (Redis keeps it next to it for compare-and-set). Thread-safe. Error messages never hold content.
 */
final class MentorCodec {
    static final int VERSION = VersionedJson.VERSION;

    private final VersionedJson versioned = new VersionedJson();

    /**
     * Stored form of {@link Mentor}. Capacity, quiet hours and languages came later: a record without
     * them reads as the defaults (capacity {@link Mentor#DEFAULT_CAPACITY}, never quiet, any language).
     */
    record MentorV1(int v, String platform, String user, String name, int tier, boolean onCall, Integer capacity,
                    String quietFrom, String quietTo, List<String> languages) {
    }

    /**
     * Stored form of {@link MentorAlert} without its revision; member name, category, mentor, excerpt and link may be
     * null (excerpt and link came later: a record without them reads as {@link AlertContext#NONE}); {@code origin}
     * (the group chat the alert came from, on the member's platform) came later still and may be null.
     */
    record AlertV1(int v, String id, String platform, String member, String memberName, String category, int tier,
                   String state, String mentorPlatform, String mentor, String mentorName, String opened,
                   String updated, String excerpt, String link, String origin) {
    }

    /** Stored form of {@link AlertContext}: the member's last flagged message, kept briefly. */
    record FlaggedV1(int v, String excerpt, String link) {
    }

    String writeMentor(Mentor m) {
        return versioned.write(new MentorV1(VERSION, m.id().platform().code(), m.id().value(), m.name(), m.tier(),
                m.onCall(), m.capacity(), m.quiet() == null ? null : m.quiet().from().toString(),
                m.quiet() == null ? null : m.quiet().to().toString(), m.languages().stream().sorted().toList()),
                "mentor");
    }

    Mentor readMentor(String json) {
        MentorV1 dto = versioned.read(json, MentorV1.class, "mentor");
        try {
            QuietHours quiet = dto.quietFrom() == null ? null
                    : new QuietHours(LocalTime.parse(dto.quietFrom()), LocalTime.parse(dto.quietTo()));
            return new Mentor(new ChatUserId(VersionedJson.platform(dto.platform()), dto.user()),
                    dto.name(), dto.tier(), dto.onCall(),
                    dto.capacity() == null ? Mentor.DEFAULT_CAPACITY : dto.capacity(), quiet,
                    dto.languages() == null ? Set.of() : Set.copyOf(dto.languages()));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored mentor record is invalid", e);
        }
    }

    String writeAlert(MentorAlert a) {
        ChatUserId mentor = a.mentor();
        return versioned.write(new AlertV1(VERSION, a.id(), a.member().platform().code(), a.member().value(),
                a.memberName(), a.category() == null ? null : a.category().name(), a.tier(), a.state().name(),
                mentor == null ? null : mentor.platform().code(), mentor == null ? null : mentor.value(),
                a.mentorName(), a.opened().toString(), a.updated().toString(), a.context().excerpt(),
                a.context().link(), a.origin() == null ? null : a.origin().value()), "mentor alert");
    }

    MentorAlert readAlert(String json, long revision) {
        AlertV1 dto = versioned.read(json, AlertV1.class, "mentor alert");
        try {
            ChatUserId mentor = dto.mentor() == null ? null
                    : new ChatUserId(VersionedJson.platform(dto.mentorPlatform()), dto.mentor());
            return new MentorAlert(dto.id(), new ChatUserId(VersionedJson.platform(dto.platform()), dto.member()),
                    dto.memberName(), dto.category() == null ? null : CrisisCategory.valueOf(dto.category()),
                    new AlertContext(dto.excerpt(), dto.link()), dto.tier(), AlertState.valueOf(dto.state()), mentor, dto.mentorName(), Instant.parse(dto.opened()),
                    Instant.parse(dto.updated()), revision, dto.origin() == null ? null
                    : new ConversationId(VersionedJson.platform(dto.platform()), dto.origin()));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored mentor alert record is invalid", e);
        }
    }

    String writeFlagged(AlertContext c) {
        return versioned.write(new FlaggedV1(VERSION, c.excerpt(), c.link()), "flagged message context");
    }

    AlertContext readFlagged(String json) {
        FlaggedV1 dto = versioned.read(json, FlaggedV1.class, "flagged message context");
        return new AlertContext(dto.excerpt(), dto.link());
    }
}
