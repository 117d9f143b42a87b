package org.fellowship.core.meeting;

import static org.fellowship.core.meeting.LeadTime.human;
import static org.fellowship.core.meeting.MeetingTexts.DAY;
import static org.fellowship.core.meeting.MeetingTexts.HM;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's meeting reminder, one due item per occurrence: it DMs the member (with an RSVP button) once, then books
 * the next occurrence's. The chain ends when the member unsubscribes or the meeting is removed.
 */
final class ReminderHandler implements DueHandler {
    /** Due-queue kind of a member's meeting reminder. */
    static final String KIND = "meeting.reminder";
    private static final Logger LOG = LoggerFactory.getLogger(ReminderHandler.class);

    private final MeetingStore store;
    private final MeetingLookup lookup;
    private final Rsvps rsvps;
    private final BotContext context;

    ReminderHandler(MeetingStore store, MeetingLookup lookup, Rsvps rsvps, BotContext context) {
        this.store = store;
        this.lookup = lookup;
        this.rsvps = rsvps;
        this.context = context;
    }

    /** The idempotency key: one reminder per member, meeting and occurrence. */
    static String reminderId(ChatUserId member, CommunityId community, String slug, Instant occurrence) {
        return "mrem:" + member + ":" + community.value() + ":" + slug + ":" + occurrence.toEpochMilli();
    }

    /** Books the subscription's reminder before {@code occurrence}, or moves a pending one to a new lead time. */
    void schedule(ReminderSubscription sub, Occurrence occurrence) {
        String id = reminderId(sub.member(), sub.community(), sub.slug(), occurrence.instant());
        Instant due = occurrence.instant().minus(sub.before());
        String payload = String.join("\t", sub.member().platform().code(), sub.member().value(),
                sub.community().value(), sub.slug(), Long.toString(occurrence.instant().toEpochMilli()));
        if (!context.dueQueue().schedule(new DueItem(id, KIND, due, payload).about(sub.member()))) {
            // Pending already (a new lead time for the same occurrence): move it; done ones stay done.
            context.dueQueue().reschedule(id, due);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(DueItem item) {
        String[] p = item.payload().split("\t", -1);
        if (p.length != 5) {
            LOG.warn("meeting reminder {} has an unreadable payload; dropped", item.id());
            return;
        }
        Platform platform = MeetingLookup.platform(p[0]);
        if (platform == null) {
            LOG.warn("meeting reminder {} names an unknown platform; dropped", item.id());
            return;
        }
        ChatUserId member = new ChatUserId(platform, p[1]);
        CommunityId community = lookup.current(new CommunityId(platform, p[2]));
        String slug = p[3];
        Instant occurrence = Instant.ofEpochMilli(Long.parseLong(p[4]));
        Optional<ReminderSubscription> sub = store.subscription(member, community, slug);
        Optional<Meeting> meeting = store.meeting(community, slug);
        if (sub.isEmpty() || meeting.isEmpty()) {
            return; // unsubscribed or meeting removed: the chain ends here
        }
        Meeting m = meeting.get();
        boolean stillScheduled = !m.occurrences(occurrence, occurrence.plusMillis(1)).isEmpty();
        boolean currentLead = item.dueAt().equals(occurrence.minus(sub.get().before()));
        // recorded before it is sent: a second run (a crash, a lost lease) never sends it again
        if (stillScheduled && currentLead && context.firstDelivery(item.id())) {
            ZoneId zone = context.profiles().find(member).map(pr -> pr.zoneOr(context.settings().defaultZone()))
                    .orElse(context.settings().defaultZone());
            ZonedDateTime local = occurrence.atZone(zone);
            String text = "Reminder: " + m.name() + " starts in " + human(sub.get().before()) + " ("
                    + local.format(HM) + " your time, " + local.format(DAY) + ")."
                    + m.link().map(l -> " Join: " + l).orElse(m.location() != null ? " Where: " + m.location() : "");
            List<ButtonRow> rsvp = List.of(new ButtonRow(List.of(rsvps.button(community, m, occurrence, member))));
            context.outbox().send(new OutboundMessage(sub.get().group(), text, TextStyle.PLAIN, rsvp, null,
                    Delivery.PRIVATE, member, Priority.NORMAL), false);
        }
        schedule(sub.get(), m.nextAfter(Instant.ofEpochMilli(Math.max(occurrence.toEpochMilli(),
                context.clock().millis())).plus(sub.get().before())));
    }
}
