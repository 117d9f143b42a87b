package org.fellowship.core.meeting;

import static org.fellowship.core.meeting.LeadTime.human;
import static org.fellowship.core.meeting.MeetingTexts.HM;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;

/**
 * A group announcement, one due item per occurrence: it posts "Starting in 10 min" (with an RSVP button) in the group
 * once, then books the next occurrence's. The chain ends when the announcement is turned off or the meeting removed.
 */
final class AnnouncementHandler implements DueHandler<AnnouncementHandler.Post> {
    /** Due-queue kind of a reminder posted in the group. */
    static final DueKind<Post> KIND = new DueKind<>("meeting.announcement",
            PayloadCodec.of(Post::encode, Post::decode));

    /**
     * The occurrence a group is told about; stored as
     * {@code tg<TAB><community><TAB><slug><TAB><occurrence epoch millis>}.
     */
    record Post(CommunityId community, String slug, Instant occurrence) {
        String encode() {
            return PayloadFields.join('\t', community.platform().code(), community.value(), slug,
                    Long.toString(occurrence.toEpochMilli()));
        }

        static Post decode(String text) {
            PayloadFields f = PayloadFields.split(text, '\t', 4);
            if (!f.text(3).matches("\\d{1,15}")) {
                throw f.malformed(3, "an occurrence in epoch milliseconds");
            }
            return new Post(new CommunityId(f.platformCode(0), f.text(1)), f.text(2), f.epochMillis(3));
        }
    }

    private final MeetingStore store;
    private final MeetingLookup lookup;
    private final Rsvps rsvps;
    private final BotContext context;

    AnnouncementHandler(MeetingStore store, MeetingLookup lookup, Rsvps rsvps, BotContext context) {
        this.store = store;
        this.lookup = lookup;
        this.rsvps = rsvps;
        this.context = context;
    }

    /** Books the post {@code before} the occurrence, or moves a pending one to a new lead time. */
    void schedule(CommunityId community, String slug, Duration before, Occurrence occurrence) {
        String id = "mann:" + community + ":" + slug + ":" + occurrence.instant().toEpochMilli();
        Instant due = occurrence.instant().minus(before);
        if (!context.dueQueue().schedule(KIND.item(id, due, new Post(community, slug, occurrence.instant())))) {
            context.dueQueue().reschedule(id, due);
        }
    }

    @Override
    public DueKind<Post> kind() {
        return KIND;
    }

    @Override
    public void run(DueItem item, Post post) {
        CommunityId community = lookup.current(post.community());
        Instant occurrence = post.occurrence();
        Optional<GroupAnnouncement> announcement = store.announcement(community, post.slug());
        Optional<Meeting> meeting = store.meeting(community, post.slug());
        if (announcement.isEmpty() || meeting.isEmpty()) {
            return;
        }
        Meeting m = meeting.get();
        Duration before = announcement.get().before();
        if (!m.occurrences(occurrence, occurrence.plusMillis(1)).isEmpty()
                && item.dueAt().equals(occurrence.minus(before)) && context.firstDelivery(item.id())) {
            ZonedDateTime local = occurrence.atZone(m.zone());
            String text = "Starting in " + human(before) + ": " + m.name() + " (" + local.format(HM) + " "
                    + m.zone().getId() + ")." + m.link().map(l -> " Join: " + l)
                    .orElse(m.location() != null ? " Where: " + m.location() : "");
            context.outbox().send(new OutboundMessage(announcement.get().group(), text, TextStyle.PLAIN,
                    List.of(new ButtonRow(List.of(rsvps.button(community, m, occurrence, null)))), null,
                    Delivery.PUBLIC, null, Priority.NORMAL), false);
        }
        schedule(community, m.slug(), before, m.nextAfter(Instant.ofEpochMilli(Math.max(
                occurrence.toEpochMilli(), context.clock().millis())).plus(before)));
    }
}
