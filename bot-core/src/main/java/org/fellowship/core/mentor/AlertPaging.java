package org.fellowship.core.mentor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.alert.MentorPager.Reached;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.mentor.MentorStore.AlertState;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.mentor.ModeratorNotices.Notice;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.schedule.DueQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages mentors: opens a member's alert (one per member), pages one available mentor of its tier (on call, on the
 * member's platform, outside their quiet hours, under capacity; speakers of the member's language first; round-robin
 * within the tier) and queues the alert's next step; tells the mentor holding an alert when the member writes again.
 */
final class AlertPaging {
    /** How long the excerpt and link of a member's flagged message wait for them to accept a mentor. */
    static final Duration FLAGGED_CONTEXT_KEPT = Duration.ofHours(1);

    /** A burst of crisis messages from a member with an alert is one notice to its mentor per this time. */
    static final Duration WROTE_AGAIN_COOLDOWN = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(AlertPaging.class);

    private final MentorStore store;
    private final EscalationPolicy policy;
    private final Duration resolvedRetention;
    private final FellowshipGroups groups;
    private final AlertMessenger messenger;
    private final ModeratorNotices notices;
    private final AuditTrail audit;
    private final DueQueue dueQueue;
    private final Map<String, Instant> lastWroteAgain = new ConcurrentHashMap<>();

    AlertPaging(MentorStore store, EscalationPolicy policy, Duration resolvedRetention, FellowshipGroups groups,
                AlertMessenger messenger, ModeratorNotices notices, AuditTrail audit, DueQueue dueQueue) {
        this.store = store;
        this.policy = policy;
        this.resolvedRetention = resolvedRetention;
        this.groups = groups;
        this.messenger = messenger;
        this.notices = notices;
        this.audit = audit;
        this.dueQueue = dueQueue;
    }

    /** A member asks for a mentor (or a group message paged one): {@link MentorPager#requestMentor}. */
    Reached requestMentor(Turn turn, CrisisCategory category) {
        if (!groups.serves(turn.conversation().community())) {
            return Reached.NOBODY; // a group outside the fellowship: its members get the crisis lines, never its mentors
        }
        ChatUserId member = turn.actor().id();
        Instant now = turn.now();
        List<Mentor> roster = store.mentors();
        List<MentorAlert> open = store.openAlerts();
        Optional<Integer> tier = firstTierAvailable(roster, open, 1, member, now);
        Optional<MentorAlert> existing = store.openAlertOf(member);
        if (existing.isPresent()) {
            // one open alert per member: this request joins it
            return existing.get().mentor() != null || tier.isPresent() ? Reached.MENTOR : Reached.MODERATORS;
        }
        String id = "a" + store.nextAlertNumber() + "-" + now.toEpochMilli();
        AlertContext alertContext = category == null ? AlertContext.NONE
                : store.lastFlagged(member).orElse(AlertContext.NONE);
        ConversationId origin = turn.conversation().isDirect() ? null : turn.conversation().id();
        MentorAlert alert = store.openIfNone(new MentorAlert(id, member, turn.actor().displayName(), category,
                alertContext, tier.orElse(1), AlertState.OPEN, null, null, now, now, 0, origin));
        if (!alert.id().equals(id)) {
            return Reached.MENTOR; // a concurrent request of the same member opened one first
        }
        LOG.info("alert {} opened for tier {}", id, alert.tier());
        audit.record(now, alert, MentorAudit.Action.OPENED, null);
        if (tier.isEmpty()) {
            audit.record(now, alert, MentorAudit.Action.NO_MENTOR_AVAILABLE, null);
            boolean told = notices.tell(alert, now, Notice.NO_MENTOR);
            scheduleEscalation(alert, now, policy.tierDelay(), 0);
            return told ? Reached.MODERATORS : Reached.NOBODY;
        }
        page(alert, roster, open, now);
        scheduleEscalation(alert, now, policy.tierDelay(), 0);
        return Reached.MENTOR;
    }

    /** A member's message read as a crisis: {@link MentorPager#flagged}. */
    void flagged(Turn turn, CrisisCategory category, AlertContext flaggedContext, boolean worse) {
        try {
            if (groups.serves(turn.conversation().community())) { // elsewhere no mentor is offered: keep no words
                store.rememberFlagged(turn.actor().id(), flaggedContext, FLAGGED_CONTEXT_KEPT);
            }
        } catch (RuntimeException e) {
            // an alert without an excerpt still pages: never let this stop the wrote-again notice below
            LOG.error("remembering the flagged message of event {} failed", turn.event().dedupeKey(), e);
        }
        Optional<MentorAlert> open = store.openAlertOf(turn.actor().id());
        if (open.isEmpty()) {
            return;
        }
        MentorAlert alert = open.get();
        Instant now = turn.now();
        if (alert.mentor() == null) {
            if (worse && !flaggedContext.equals(AlertContext.NONE)) {
                // still being paged: the next page carries the newer, more severe words
                store.update(alert.withContext(flaggedContext), resolvedRetention);
            }
            return;
        }
        Instant last = lastWroteAgain.get(alert.id());
        if (!worse && last != null && last.plus(WROTE_AGAIN_COOLDOWN).isAfter(now)) {
            return;
        }
        lastWroteAgain.values().removeIf(t -> !t.plus(WROTE_AGAIN_COOLDOWN).isAfter(now)); // keep only live ones
        lastWroteAgain.put(alert.id(), now);
        messenger.dm(alert.mentor(), "Alert " + alert.id() + ": the member wrote again and may still be in crisis"
                + (category == null ? "" : " (" + category.label() + ")")
                + (worse ? ", and it sounds more urgent than before" : "") + ". Please reach out if you haven't yet."
                + AlertTexts.describe(flaggedContext),
                List.of(ButtonRow.of(messenger.button(alert.mentor(), "Resolve", alert.id(), "resolve"))));
        audit.record(now, alert, MentorAudit.Action.MEMBER_WROTE_AGAIN, alert.mentor());
    }

    /** The member's open alert, if any. */
    Optional<String> openAlert(ChatUserId member) {
        return store.openAlertOf(member).map(MentorAlert::id);
    }

    /** Whether a human took or resolved the alert (or it is gone). */
    boolean attended(String alertId) {
        return store.alert(alertId).map(a -> a.state() == AlertState.TAKEN || !a.open()).orElse(true);
    }

    /**
     * Mentors of {@code tier} who can take a page now: on call, on the member's platform (they must be able to message
     * them), not the member, outside quiet hours, under capacity.
     */
    private List<Mentor> available(List<Mentor> roster, List<MentorAlert> open, int tier, ChatUserId member,
                                   Instant now) {
        List<Mentor> result = new ArrayList<>();
        for (Mentor m : roster) {
            if (!m.onCall() || m.tier() != tier || m.id().equals(member) || m.id().platform() != member.platform()) {
                continue;
            }
            if (m.quiet() != null && m.quiet().contains(now.atZone(messenger.zoneOf(m.id())).toLocalTime())) {
                continue;
            }
            long held = open.stream().filter(a -> m.id().equals(a.mentor())).count();
            if (held < m.capacity()) {
                result.add(m);
            }
        }
        result.sort(Comparator.comparing(m -> m.id().value()));
        return result;
    }

    /** The first tier from {@code from} on with a mentor who can take a page now. */
    Optional<Integer> firstTierAvailable(List<Mentor> roster, List<MentorAlert> open, int from, ChatUserId member,
                                         Instant now) {
        for (int t = from; t <= Mentor.MAX_TIER; t++) {
            if (!available(roster, open, t, member, now).isEmpty()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Pages one available mentor of the alert's tier, if any is left; {@code true} when one was paged. */
    boolean page(MentorAlert alert, List<Mentor> roster, List<MentorAlert> open, Instant now) {
        List<Mentor> candidates = available(roster, open, alert.tier(), alert.member(), now);
        String language = messenger.languageOf(alert.member());
        List<Mentor> speakers = language == null ? List.of()
                : candidates.stream().filter(m -> m.languages().contains(language)).toList();
        if (!speakers.isEmpty()) {
            candidates = speakers;
        }
        if (!candidates.isEmpty()) {
            long next = store.nextTurn(alert.tier());
            Mentor mentor = candidates.get((int) Math.floorMod(next, (long) candidates.size()));
            // a member who wrote privately asked for this; a group message was paged without asking them
            messenger.dm(mentor.id(), "Crisis alert " + alert.id() + ": a member " + AlertTexts.what(alert)
                    + (alert.origin() == null ? " and would like to talk. " : ", in a group chat. ")
                    + "Please acknowledge if you can help; take it when you're reaching out to them."
                    + AlertTexts.describe(alert.context()),
                    List.of(ButtonRow.of(messenger.button(mentor.id(), "Acknowledge", alert.id(), "ack"),
                            messenger.button(mentor.id(), "Take", alert.id(), "take"),
                            messenger.button(mentor.id(), "Resolve", alert.id(), "resolve"))));
            audit.record(now, alert, MentorAudit.Action.PAGED, mentor.id());
            return true;
        }
        return false;
    }

    /**
     * Schedules the next step of an open alert. The payload carries the alert's {@code updated} stamp, so a timer
     * delivered twice (or one the alert has moved past) acts once.
     *
     * @param round 0 during the tier walk, then the number of the repeat
     */
    void scheduleEscalation(MentorAlert alert, Instant now, Duration delay, int round) {
        Instant due = now.plus(delay);
        Instant giveUpAt = alert.opened().plus(policy.giveUpAfter());
        if (round > 0 && due.isAfter(giveUpAt)) {
            due = giveUpAt.isAfter(now) ? giveUpAt : now; // the final notice, at the bound
        }
        dueQueue.schedule(EscalationTimer.KIND.item(EscalationTimer.KIND.name() + ":" + alert.id() + ":" + alert.tier()
                + ":" + now.toEpochMilli(), due, new EscalationTimer.Step(alert.id(), alert.tier(), round,
                alert.updated().toEpochMilli())));
    }

    /** Schedules reminder {@code n} (0 first) to the mentor holding {@code alert}. */
    void scheduleRenotify(MentorAlert alert, Instant now, int n) {
        // One id per holder's stamp and step, so a reminder run twice queues the same next one, not a second chain.
        dueQueue.schedule(ReminderTimer.KIND.item(ReminderTimer.KIND.name() + ":" + alert.id() + ":"
                + alert.updated().toEpochMilli() + ":" + n, now.plus(policy.renotifyDelay(n)),
                new ReminderTimer.Step(alert.id(), n, alert.updated().toEpochMilli())));
    }
}
