package org.fellowship.core.mentor;

import java.time.Instant;
import java.util.List;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueLane;

/**
 * Reminds the mentor holding an unresolved alert, on the policy's back-off, until the give-up time. The timer
 * carries the alert id, the step and the holder's stamp, so a reminder for an alert that changed hands does nothing.
 */
final class ReminderTimer implements DueHandler {
    /** The due item kind. */
    static final String KIND = "crisis.renotify";

    private final MentorStore store;
    private final EscalationPolicy policy;
    private final AlertPaging paging;
    private final AlertMessenger messenger;
    private final AuditTrail audit;
    private final BotContext context;

    ReminderTimer(MentorStore store, EscalationPolicy policy, AlertPaging paging, AlertMessenger messenger,
                  AuditTrail audit, BotContext context) {
        this.store = store;
        this.policy = policy;
        this.paging = paging;
        this.messenger = messenger;
        this.audit = audit;
        this.context = context;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public DueLane lane() {
        return DueLane.CRISIS;
    }

    @Override
    public void run(DueItem item) {
        String[] parts = item.payload().split("\\|");
        MentorAlert alert = store.alert(parts[0]).orElse(null);
        if (alert == null || !alert.open()) {
            return;
        }
        renotify(item, alert, Integer.parseInt(parts[1]), parts.length > 2 ? Long.parseLong(parts[2]) : null,
                context.clock().instant());
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
