package org.fellowship.core.meeting;

import static org.fellowship.core.meeting.LeadTime.human;
import static org.fellowship.core.meeting.MeetingTexts.DAY;
import static org.fellowship.core.meeting.MeetingTexts.HM;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;

/** {@code /remind <meeting> 15m|off}: a member's DM before each occurrence, answered privately. */
final class RemindCommand {
    private final MeetingStore store;
    private final MeetingLookup lookup;
    private final ReminderHandler reminders;

    RemindCommand(MeetingStore store, MeetingLookup lookup, ReminderHandler reminders) {
        this.store = store;
        this.lookup = lookup;
        this.reminders = reminders;
    }

    void remind(Turn turn, String args) {
        CommunityId community = MeetingLookup.community(turn);
        LeadTime.Request request = LeadTime.request(args, "/remind step-study 15m");
        Meeting m = lookup.find(community, request.meeting());
        ChatUserId member = turn.actor().id();
        if (request.off()) {
            boolean had = store.unsubscribe(member, community, m.slug());
            turn.replyPrivately(had ? "Reminders for " + m.name() + " are off."
                    : "You had no reminders for " + m.name() + ".");
            return;
        }
        Duration before = LeadTime.parse(request.when());
        ConversationId group = turn.conversation().id();
        ReminderSubscription sub = new ReminderSubscription(member, community, m.slug(), before, group);
        store.subscribe(sub);
        Occurrence next = m.nextAfter(turn.now().plus(before));
        reminders.schedule(sub, next);
        ZonedDateTime remindAt = next.start().minus(before).withZoneSameInstant(turn.zone());
        turn.replyPrivately("I'll DM you " + human(before) + " before each " + m.name() + ". First reminder: "
                + remindAt.format(DAY) + " " + remindAt.format(HM) + " your time (" + turn.zone().getId()
                + "). Stop with /remind " + m.slug() + " off");
    }
}
