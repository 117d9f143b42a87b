package org.fellowship.core.mentor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fellowship.core.mentor.MentorStore.AlertState;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.mentor.ModeratorNotices.Notice;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next step of an alert nobody acknowledged, when its timer is due. The timer carries only the alert id, the
 * tier, the round and the alert's {@code updated} stamp, and reads the alert from the store, so it survives a restart
 * and a timer delivered twice (or one the alert has moved past) acts once.
 */
final class EscalationTimer extends AlertTimer<EscalationTimer.Step> {
    /** The due item kind. */
    static final DueKind<Step> KIND = new DueKind<>("crisis.escalate", PayloadCodec.of(Step::encode, Step::decode));

    /**
     * The escalation step a timer stands for, stored as {@code <alert>|<tier>|<round>|<stamp>}: the tier paged, 0
     * during the tier walk then the number of the repeat, and the alert's {@code updated} stamp. Timers queued before
     * rounds and stamps existed carry only the first two or three fields (round 0, no stamp).
     */
    record Step(String alertId, int tier, int round, Long stamp) implements AlertTimer.Payload {
        String encode() {
            String head = PayloadFields.join('|', alertId, Integer.toString(tier), Integer.toString(round));
            return stamp == null ? head : PayloadFields.join('|', head, Long.toString(stamp));
        }

        static Step decode(String text) {
            PayloadFields f = PayloadFields.split(text, '|', 2, 4);
            return new Step(f.text(0), f.integer(1), f.size() > 2 ? f.integer(2) : 0,
                    f.size() > 3 ? f.number(3) : null);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EscalationTimer.class);

    private final MentorStore store;
    private final EscalationPolicy policy;
    private final Duration resolvedRetention;
    private final AlertPaging paging;
    private final ModeratorNotices notices;
    private final AuditTrail audit;

    EscalationTimer(MentorStore store, EscalationPolicy policy, Duration resolvedRetention, AlertPaging paging,
                    ModeratorNotices notices, AuditTrail audit, Clock clock) {
        super(store, clock);
        this.store = store;
        this.policy = policy;
        this.resolvedRetention = resolvedRetention;
        this.paging = paging;
        this.notices = notices;
        this.audit = audit;
    }

    @Override
    public DueKind<Step> kind() {
        return KIND;
    }

    @Override
    void due(DueItem item, MentorAlert alert, Step step, Instant now) {
        escalate(alert, step.tier(), step.round(), step.stamp(), now);
    }

    /**
     * One step of an unacknowledged alert: the next tier during the walk; after the last tier the moderators, then
     * repeats on the policy's back-off; at the give-up time one final notice, and nothing after it.
     */
    private void escalate(MentorAlert alert, int pagedTier, int round, Long stamp, Instant now) {
        if (alert.state() != AlertState.OPEN) {
            return; // acknowledged or taken meanwhile
        }
        if (stamp != null ? alert.updated().toEpochMilli() != stamp : alert.tier() != pagedTier) {
            return; // a duplicate delivery, or the alert moved on since this timer was set
        }
        if (round > 0 && !now.isBefore(alert.opened().plus(policy.giveUpAfter()))) {
            audit.record(now, alert, MentorAudit.Action.UNANSWERED, null);
            LOG.warn("alert {} unanswered after {}; paging stopped", alert.id(), policy.giveUpAfter());
            notices.tell(alert, now, Notice.UNANSWERED);
            return;
        }
        List<Mentor> roster = store.mentors();
        List<MentorAlert> open = store.openAlerts();
        Optional<Integer> next = round == 0
                ? paging.firstTierAvailable(roster, open, pagedTier + 1, alert.member(), now) : Optional.empty();
        // after the last tier: the moderators, then again from the first tier with a mentor available
        int tier = next.orElseGet(() -> paging.firstTierAvailable(roster, open, 1, alert.member(), now).orElse(1));
        MentorAlert escalated = null;
        for (int attempt = 0; attempt < 3 && escalated == null; attempt++) {
            MentorAlert current = attempt == 0 ? alert : store.alert(alert.id()).orElse(null);
            if (current == null || current.state() != AlertState.OPEN
                    || !current.updated().equals(alert.updated())) {
                return; // acknowledged, taken or escalated by another instance meanwhile
            }
            // a retry only when a newer excerpt was added meanwhile (it keeps the stamp)
            escalated = store.update(current.with(tier, AlertState.OPEN, null, null, now), resolvedRetention)
                    .orElse(null);
        }
        if (escalated == null) {
            return;
        }
        audit.record(now, escalated, MentorAudit.Action.ESCALATED, null);
        // Winning the compare-and-set above is this step's delivery record (a second run finds the stamp moved
        // and stops). The next step is queued before anyone is told, so a crash here loses a page, never the chain.
        if (next.isPresent()) {
            LOG.info("alert {} escalated to tier {}", alert.id(), tier);
            paging.scheduleEscalation(escalated, now, policy.tierDelay(), 0);
            paging.page(escalated, roster, open, now);
            return;
        }
        LOG.warn("alert {} unacknowledged after the last tier (repeat {})", alert.id(), round);
        paging.scheduleEscalation(escalated, now, policy.repeatDelay(round), round + 1);
        notices.tell(escalated, now, round == 0 ? Notice.UNACKNOWLEDGED : Notice.REPEAT);
        paging.page(escalated, roster, open, now);
    }
}
