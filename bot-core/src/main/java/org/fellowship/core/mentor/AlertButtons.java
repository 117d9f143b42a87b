package org.fellowship.core.mentor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.command.CommandNames;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.mentor.MentorStore.AlertState;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Acknowledge, Take and Resolve buttons of an alert. Who presses is checked with the platform at press time (a
 * rostered mentor, or a moderator of a group the alert concerns), and every change is a compare-and-set, so of two
 * mentors pressing Take at once one wins and the other is told.
 */
final class AlertButtons {
    /** The button handler's name in issued tokens. */
    static final String ALERT_BUTTON = "crisis.alert";

    private static final Logger LOG = LoggerFactory.getLogger(AlertButtons.class);

    private final MentorStore store;
    private final Duration resolvedRetention;
    private final FellowshipGroups groups;
    private final AlertMessenger messenger;
    private final AlertPaging paging;
    private final AuditTrail audit;

    AlertButtons(MentorStore store, Duration resolvedRetention, FellowshipGroups groups, AlertMessenger messenger,
                 AlertPaging paging, AuditTrail audit) {
        this.store = store;
        this.resolvedRetention = resolvedRetention;
        this.groups = groups;
        this.messenger = messenger;
        this.paging = paging;
        this.audit = audit;
    }

    /** A press of {@code action} (ack, take, resolve) on alert {@code alertId}. */
    void press(Turn turn, String alertId, String action) {
        if (!List.of("ack", "take", "resolve").contains(String.valueOf(action))) {
            turn.replyPrivately("I don't know that action.");
            return;
        }
        ChatUserId actor = turn.actor().id();
        MentorAlert found = alertId == null ? null : store.alert(alertId).orElse(null);
        if (found == null || !found.open()) {
            turn.replyPrivately("This alert is already closed. Thank you.");
            return;
        }
        if (found.member().equals(actor)) {
            turn.replyPrivately("This alert is about you, so someone else will take it. You're not alone.");
            return;
        }
        // Who acts is checked now, with the platform: a button in a chat others can read must not hand an alert (and
        // the member's name) to whoever presses it.
        Optional<Boolean> allowed = mayAct(actor, found);
        if (allowed.isEmpty()) {
            turn.replyPrivately("I couldn't confirm with " + actor.platform().lowerName() + " that you are a mentor or "
                    + "moderator here right now, so nothing changed. Please try again in a moment.");
            return;
        }
        if (!allowed.get()) {
            audit.record(turn.now(), found, MentorAudit.Action.REFUSED_PRESS, actor);
            LOG.warn("alert {} {} refused: the presser is neither a rostered mentor nor a fellowship moderator",
                    found.id(), action);
            turn.replyPrivately("Only the fellowship's mentors and moderators can act on crisis alerts, so nothing "
                    + "changed. If you're worried about someone, " + CommandNames.HELP_NOW
                    + " shows the crisis lines.");
            return;
        }
        String name = turn.actor().displayName() == null ? "A mentor" : turn.actor().displayName();
        // Compare-and-set: re-read and retry when the alert changed meanwhile (a timer escalated it, another
        // mentor acknowledged); a change that would take the alert from another mentor is refused instead.
        for (int attempt = 0; attempt < 5; attempt++) {
            MentorAlert alert = attempt == 0 ? found : store.alert(alertId).orElse(null);
            if (alert == null || !alert.open()) {
                turn.replyPrivately("This alert is already closed. Thank you.");
                return;
            }
            boolean heldByOther = alert.state() == AlertState.TAKEN && !actor.equals(alert.mentor());
            if (heldByOther && !action.equals("resolve")) {
                turn.replyPrivately("Someone else has already taken alert " + alert.id() + ". Thank you for "
                        + "being ready.");
                LOG.info("alert {} {} refused: already taken", alert.id(), action);
                return;
            }
            AlertState target = switch (action) {
                case "ack" -> AlertState.ACKNOWLEDGED;
                case "take" -> AlertState.TAKEN;
                default -> AlertState.RESOLVED;
            };
            ChatUserId holder = target == AlertState.RESOLVED && heldByOther ? alert.mentor() : actor;
            String holderName = target == AlertState.RESOLVED && heldByOther ? alert.mentorName() : name;
            Optional<MentorAlert> won = store.update(alert.with(alert.tier(), target, holder, holderName, turn.now()),
                    resolvedRetention);
            if (won.isEmpty()) {
                continue;
            }
            switch (target) {
                case ACKNOWLEDGED -> {
                    paging.scheduleRenotify(won.get(), turn.now(), 0);
                    turn.replyPrivately("Thank you: alert " + alert.id() + " is acknowledged by you. Press Take when "
                            + "you reach out to them.");
                    audit.record(turn.now(), alert, MentorAudit.Action.ACKNOWLEDGED, actor);
                }
                case TAKEN -> {
                    paging.scheduleRenotify(won.get(), turn.now(), 0);
                    String who = alert.memberName() == null ? "member " + alert.member().value()
                            : alert.memberName() + " (member " + alert.member().value() + ")";
                    turn.replyPrivately("It's yours: " + who + " is waiting to hear from you. Please message them "
                            + "directly now; press Resolve when they're safe and supported."
                            + AlertTexts.describe(alert.context()));
                    boolean mentor = store.mentor(actor).isPresent();
                    messenger.dm(alert.member(), name + (mentor ? ", one of the mentors," : ", one of the moderators,")
                            + " is on the way and will message you. You're not alone.", List.of());
                    audit.record(turn.now(), alert, MentorAudit.Action.TAKEN, actor);
                }
                default -> {
                    turn.replyPrivately("Alert " + alert.id() + " is resolved. Thank you for being there. "
                            + "Take care of yourself too.");
                    audit.record(turn.now(), alert, MentorAudit.Action.RESOLVED, actor);
                }
            }
            LOG.info("alert {} {} at tier {}", alert.id(), action, alert.tier());
            return;
        }
        LOG.warn("alert {} {} gave up after repeated concurrent changes", alertId, action);
        turn.replyPrivately("That alert is changing right now; please press the button again.");
    }

    /**
     * Whether {@code actor} may act on {@code alert}: a mentor on the roster, or a moderator (by the platform's list
     * now) of the group the alert came from, of the moderators' channel or of one of the fellowship's groups. Empty
     * when the platform cannot tell.
     */
    private Optional<Boolean> mayAct(ChatUserId actor, MentorAlert alert) {
        if (actor.platform() != alert.member().platform()) {
            return Optional.of(false);
        }
        if (store.mentor(actor).isPresent()) {
            return Optional.of(true);
        }
        boolean unknown = false;
        for (ConversationId group : groups.groupsOf(alert)) {
            Optional<Set<ChatUserId>> moderators = messenger.moderatorsOfGroup(group);
            if (moderators.isEmpty()) {
                unknown = true;
            } else if (moderators.get().contains(actor)) {
                return Optional.of(true);
            }
        }
        return unknown ? Optional.empty() : Optional.of(false);
    }
}
