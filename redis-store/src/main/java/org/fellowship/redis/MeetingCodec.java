package org.fellowship.redis;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.ReminderSubscription;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;

/**
 * Versioned JSON DTOs for meetings and reminder subscriptions ({@code "v": 1}), mapped explicitly so the domain
 * records stay free of Jackson. Thread-safe. Error messages name the record type, never its content.
 */
final class MeetingCodec {
    static final int VERSION = VersionedJson.VERSION;

    private final VersionedJson versioned = new VersionedJson();

    /**
     * Days are ISO numbers (Monday = 1); start is {@code HH:mm[:ss]}; zone an IANA id; {@code phone} (the dial-in)
     * absent in records written before it existed.
     */
    record MeetingV1(int v, String slug, String name, List<Integer> days, String start, long minutes, String zone,
                     String url, String location, List<String> types, String notes, String phone) {
    }

    /** The meeting is implied by the key; {@code group} is the conversation value on the member's platform. */
    record SubscriptionV1(int v, long minutes, String group) {
    }

    String writeMeeting(Meeting m) {
        return write(new MeetingV1(VERSION, m.slug(), m.name(), m.days().stream().map(DayOfWeek::getValue).toList(),
                m.start().toString(), m.duration().toMinutes(), m.zone().getId(), m.url(), m.location(), m.types(),
                m.notes(), m.phone()), "meeting");
    }

    Meeting readMeeting(String json) {
        MeetingV1 d = read(json, MeetingV1.class, "meeting");
        try {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            d.days().forEach(n -> days.add(DayOfWeek.of(n)));
            return new Meeting(d.slug(), d.name(), days, LocalTime.parse(d.start()), Duration.ofMinutes(d.minutes()),
                    ZoneId.of(d.zone()), d.url(), d.location(), d.types(), d.notes(), d.phone());
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored meeting record is invalid", e);
        }
    }

    String writeSubscription(ReminderSubscription s) {
        return write(new SubscriptionV1(VERSION, s.before().toMinutes(), s.group().value()), "reminder subscription");
    }

    ReminderSubscription readSubscription(String json, ChatUserId member, CommunityId community, String slug) {
        SubscriptionV1 d = read(json, SubscriptionV1.class, "reminder subscription");
        try {
            return new ReminderSubscription(member, community, slug, Duration.ofMinutes(d.minutes()),
                    new ConversationId(community.platform(), d.group()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored reminder subscription record is invalid", e);
        }
    }

    private String write(Object value, String what) {
        return versioned.write(value, what);
    }

    private <T> T read(String text, Class<T> type, String what) {
        return versioned.read(text, type, what);
    }
}
