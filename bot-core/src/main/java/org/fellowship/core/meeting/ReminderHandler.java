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
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;

/**
 * A member's meeting reminder, one due item per occurrence: it DMs the member (with an RSVP button) once, then books
 * the next occurrence's. The chain ends when the member unsubscribes or the meeting is removed.
 */
final class ReminderHandler implements DueHandler<ReminderHandler.Reminder> {
    /** Due-queue kind of a member's meeting reminder. */
    static final DueKind<Reminder> KIND = new DueKind<>("meeting.reminder",
            PayloadCodec.of(Reminder::encode, Reminder::decode));

    /**
     * The occurrence a member is reminded of, in the community (on the member's platform) it was booked in; stored as
     * {@code tg<TAB><member><TAB><community><TAB><slug><TAB><occurrence epoch millis>}.
     */
    record Reminder(ChatUserId member, CommunityId community, String slug, Instant occurrence) {
        String encode() {
            return PayloadFields.join('\t', member.platform().code(), member.value(), community.value(), slug,
                    Long.toString(occurrence.toEpochMilli()));
        }

        static Reminder decode(String text) {
            PayloadFields f = PayloadFields.split(text, '\t', 5);
            Platform platform = f.platformCode(0);
            return new Reminder(new ChatUserId(platform, f.text(1)), new CommunityId(platform, f.text(2)),
                    f.text(3), f.epochMillis(4));
        }
    }

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
        Reminder reminder = new Reminder(sub.member(), sub.community(), sub.slug(), occurrence.instant());
        if (!context.dueQueue().schedule(KIND.item(id, due, reminder).about(sub.member()))) {
            // Pending already (a new lead time for the same occurrence): move it; done ones stay done.
            context.dueQueue().reschedule(id, due);
        }
    }

    @Override
    public DueKind<Reminder> kind() {
        return KIND;
    }

    @Override
    public void run(DueItem item, Reminder reminder) {
        ChatUserId member = reminder.member();
        CommunityId community = lookup.current(reminder.community());
        String slug = reminder.slug();
        Instant occurrence = reminder.occurrence();
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
