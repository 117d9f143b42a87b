package org.fellowship.core.mentor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.time.ReaderTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only trail of every alert's transitions, ids only (never the member's words or name), and
 * {@code /alert_audit}, which shows moderators one alert's trail.
 */
final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final MentorStore store;
    private final FellowshipGroups groups;

    AuditTrail(MentorStore store, FellowshipGroups groups) {
        this.store = store;
        this.groups = groups;
    }

    /** Appends one transition; a failure is logged, never thrown (the page matters more than its trail). */
    void record(Instant now, MentorAlert alert, MentorAudit.Action action, ChatUserId actor) {
        try {
            store.audit(new MentorAudit(now, alert.id(), action, alert.tier(), actor));
        } catch (RuntimeException e) {
            // the page itself matters more than its audit line: never fail a crisis step over the trail
            LOG.error("alert {} audit of {} failed", alert.id(), action, e);
        }
    }

    /** {@code /alert_audit ALERT_ID} (moderators): the trail of one alert, privately, times in the reader's zone. */
    void command(Turn turn, String args) {
        groups.requireServed(turn);
        String alertId = args.strip();
        if (alertId.isEmpty()) {
            throw new UsageException("Give an alert id, for example /alert_audit a12-1700000000000.");
        }
        List<MentorAudit> trail = store.auditOf(alertId);
        if (trail.isEmpty()) {
            turn.replyPrivately("No audit trail for alert " + alertId + ".");
            return;
        }
        StringBuilder text = new StringBuilder("Alert " + alertId + ":\n");
        for (MentorAudit a : trail) {
            text.append(ReaderTime.format(a.at(), turn.zone())).append(": ")
                    .append(a.action().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (a.tier() > 0) {
                text.append(", tier ").append(a.tier());
            }
            if (a.actor() != null) {
                text.append(", by member ").append(a.actor().value());
            }
            text.append('\n');
        }
        turn.replyPrivately(text.toString().strip());
    }
}
