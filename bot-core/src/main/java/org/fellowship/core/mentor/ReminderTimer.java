package org.fellowship.core.mentor;

import java.time.Instant;
import java.util.List;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;

/**
 * Reminds the mentor holding an unresolved alert, on the policy's back-off, until the give-up time. The timer
 * carries the alert id, the step and the holder's stamp, so a reminder for an alert that changed hands does nothing.
 */
final class ReminderTimer extends AlertTimer<ReminderTimer.Step> {
    /** The due item kind. */
    static final DueKind<Step> KIND = new DueKind<>("crisis.renotify", PayloadCodec.of(Step::encode, Step::decode));

    /**
     * The reminder a timer stands for, stored as {@code <alert>|<n>|<stamp>}: the step (0 first) and the holder's
     * {@code updated} stamp. Timers queued before stamps existed carry only the first two fields (no stamp).
     */
    record Step(String alertId, int n, Long stamp) implements AlertTimer.Payload {
        String encode() {
            String head = PayloadFields.join('|', alertId, Integer.toString(n));
            return stamp == null ? head : PayloadFields.join('|', head, Long.toString(stamp));
        }

        static Step decode(String text) {
            PayloadFields f = PayloadFields.split(text, '|', 2, 3);
            return new Step(f.text(0), f.integer(1), f.size() > 2 ? f.number(2) : null);
        }
    }

    private final EscalationPolicy policy;
    private final AlertPaging paging;
    private final AlertMessenger messenger;
    private final AuditTrail audit;
    private final BotContext context;

    ReminderTimer(MentorStore store, EscalationPolicy policy, AlertPaging paging, AlertMessenger messenger,
                  AuditTrail audit, BotContext context) {
        super(store, context.clock());
        this.policy = policy;
        this.paging = paging;
        this.messenger = messenger;
        this.audit = audit;
        this.context = context;
    }

    @Override
    public DueKind<Step> kind() {
        return KIND;
    }

    @Override
    void due(DueItem item, MentorAlert alert, Step step, Instant now) {
        renotify(item, alert, step.n(), step.stamp(), now);
    }

    private void renotify(DueItem item, MentorAlert alert, int n, Long stamp, Instant now) {
        if (alert.mentor() == null || stamp != null && alert.updated().toEpochMilli() != stamp) {
            return; // nobody holds it, or it changed hands since this reminder was set
        }
        if (!now.isBefore(alert.updated().plus(policy.giveUpAfter()))) {
            audit.record(now, alert, MentorAudit.Action.REMINDERS_STOPPED, alert.mentor());
            return; // bounded: no reminders beyond the give-up time
        }
        // The next reminder first (a crash after it loses this one, never the chain), then this one, once.
        paging.scheduleRenotify(alert, now, n + 1);
        if (!context.firstDelivery(item.id())) {
            return;
        }
        messenger.dm(alert.mentor(), "Reminder: alert " + alert.id() + " is still open. Press Resolve when they're "
                + "safe and supported, or let a moderator know if you need someone else to take over.",
                List.of(ButtonRow.of(messenger.button(alert.mentor(), "Resolve", alert.id(), "resolve"))));
        audit.record(now, alert, MentorAudit.Action.RENOTIFIED, alert.mentor());
    }
}
