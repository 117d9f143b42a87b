package org.fellowship.redis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fellowship.core.milestone.Announcements;
import org.fellowship.core.milestone.CommunityMilestones;
import org.fellowship.core.milestone.LadderChoice;
import org.fellowship.core.milestone.MemberMilestones;
import org.fellowship.core.milestone.Milestone;
import org.fellowship.core.milestone.PastCleanDate;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;

/**
 * JSON mapping of the milestone records, in the style of {@link RecordCodec}: explicit versioned DTOs
 * ({@code "v": 1}), dates as ISO {@code yyyy-MM-dd}, milestones as keys ({@code 30d}, {@code 6m}, {@code 1y}),
 * platforms as their codes. Unknown fields of version 1 are ignored; any other version is refused with a clear
 * {@link IllegalStateException}. Thread-safe. Error messages name the record type, never its content.
 */
final class MilestoneCodec {
    static final int VERSION = VersionedJson.VERSION;

    private final VersionedJson versioned = new VersionedJson();

    /** Stored form of {@link MemberMilestones}; {@code ladderCommunity} and {@code announce} may be null. */
    record MemberV1(int v, String platform, String user, Map<String, String> cleanDates, List<PastV1> history,
                    String ladder, CommunityV1Id ladderCommunity, AnnounceV1 announce) {
    }

    record PastV1(String label, String date, String endedOn) {
    }

    record CommunityV1Id(String platform, String id) {
    }

    record AnnounceV1(String platform, String group, String community, String name) {
    }

    /** Stored form of {@link CommunityMilestones}. */
    record CommunityV1(int v, String platform, String community, List<String> customLadder, int morningHour) {
    }

    String writeMember(MemberMilestones m) {
        Map<String, String> dates = new LinkedHashMap<>();
        m.cleanDates().forEach((label, date) -> dates.put(label, date.toString()));
        List<PastV1> history = new ArrayList<>();
        for (PastCleanDate p : m.history()) {
            history.add(new PastV1(p.label(), p.date().toString(), p.endedOn().toString()));
        }
        CommunityId lc = m.ladderCommunity();
        Announcements a = m.announcements();
        return write(new MemberV1(VERSION, m.member().platform().code(), m.member().value(), dates, history,
                m.ladder().code(), lc == null ? null : new CommunityV1Id(lc.platform().code(), lc.value()),
                a == null ? null : new AnnounceV1(a.group().platform().code(), a.group().value(), a.community().value(),
                        a.name())), "milestones");
    }

    MemberMilestones readMember(String json) {
        MemberV1 dto = read(json, MemberV1.class, "milestones");
        try {
            Map<String, LocalDate> dates = new LinkedHashMap<>();
            if (dto.cleanDates() != null) {
                dto.cleanDates().forEach((label, date) -> dates.put(label, LocalDate.parse(date)));
            }
            List<PastCleanDate> history = new ArrayList<>();
            if (dto.history() != null) {
                for (PastV1 p : dto.history()) {
                    history.add(new PastCleanDate(p.label(), LocalDate.parse(p.date()), LocalDate.parse(p.endedOn())));
                }
            }
            LadderChoice ladder = LadderChoice.parse(dto.ladder()).orElseThrow(IllegalArgumentException::new);
            CommunityId lc = dto.ladderCommunity() == null ? null
                    : new CommunityId(platform(dto.ladderCommunity().platform()), dto.ladderCommunity().id());
            Announcements announce = null;
            if (dto.announce() != null) {
                Platform p = platform(dto.announce().platform());
                announce = new Announcements(new ConversationId(p, dto.announce().group()),
                        new CommunityId(p, dto.announce().community()), dto.announce().name());
            }
            return new MemberMilestones(new ChatUserId(platform(dto.platform()), dto.user()), dates, history, ladder,
                    lc, announce);
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored milestones record is invalid", e);
        }
    }

    String writeCommunity(CommunityMilestones c) {
        return write(new CommunityV1(VERSION, c.community().platform().code(), c.community().value(),
                c.customLadder().stream().map(Milestone::key).toList(), c.morningHour()), "community milestones");
    }

    CommunityMilestones readCommunity(String json) {
        CommunityV1 dto = read(json, CommunityV1.class, "community milestones");
        try {
            List<Milestone> ladder = dto.customLadder() == null ? List.of()
                    : dto.customLadder().stream().map(Milestone::parse).toList();
            return new CommunityMilestones(new CommunityId(platform(dto.platform()), dto.community()), ladder,
                    dto.morningHour());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored community milestones record is invalid", e);
        }
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
