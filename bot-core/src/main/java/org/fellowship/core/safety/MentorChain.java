package org.fellowship.core.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.command.Access;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.safety.MentorStore.AlertState;
import org.fellowship.core.safety.MentorStore.MentorAlert;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.store.ButtonAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mentor escalation chain. Mentors (members the platform reports as mentors) go on call with
 * {@code /mentor on}; moderators set tiers with {@code /mentor_tier USER_ID TIER}. A member's request pages one
 * tier-1 mentor on call (round-robin within the tier) in a DM with Acknowledge / Take / Resolve buttons and the
 * minimum context (a category, never the member's words or history). Nobody acknowledging within the tier delay
 * (default 5 minutes) pages the next tier; an acknowledged alert not resolved re-notifies its mentor after the
 * re-notify delay. When a mentor takes it, the member is told someone is on the way. One open alert per member.
 * Timers run on the {@link org.fellowship.core.schedule.DueQueue} with idempotency keys per alert and tier.
 *
 * <p>Roster, alerts, round-robin positions and the alert sequence live in a {@link MentorStore} (Redis in
 * production), and timers carry only the alert id, so a restarted engine picks an open chain up where it was.
 * Every alert change is a compare-and-set: of two mentors pressing Take at once one wins, and a timer delivered
 * twice escalates once. Resolved alerts expire from the store after a retention time.
 *
 * <p>Limits: there is no moderators' channel after the last tier, no quiet hours or capacity, and no audit stream
 * yet. Logs carry alert ids and tiers only.
 *
 * <p>Thread-safe.
 */
public final class MentorChain implements Feature, MentorPager, org.fellowship.core.checkin.MentorNotes {
    static final String ALERT_BUTTON = "crisis.alert";
    static final String ESCALATE = "crisis.escalate";
    static final String RENOTIFY = "crisis.renotify";
    private static final Logger LOG = LoggerFactory.getLogger(MentorChain.class);
    private static final int MAX_TIER = 3;
    /** How long a resolved alert's content is kept by default. */
    public static final Duration DEFAULT_RESOLVED_RETENTION = Duration.ofDays(1);

    /** A mentor in the roster. */
    public record Mentor(ChatUserId id, String name, int tier, boolean onCall) {
    }

    private final MentorStore store;
    private final Duration tierDelay;
    private final Duration renotifyDelay;
    private final Duration resolvedRetention;
    private volatile BotContext context;

    /**
     * @param store             where roster and alerts live (shared by every instance of the bot)
     * @param resolvedRetention how long a resolved alert stays readable before it expires
     */
    public MentorChain(MentorStore store, Duration tierDelay, Duration renotifyDelay, Duration resolvedRetention) {
        this.store = java.util.Objects.requireNonNull(store, "store");
        this.tierDelay = tierDelay;
        this.renotifyDelay = renotifyDelay;
        this.resolvedRetention = resolvedRetention;
    }

    /** An in-memory store (forgotten on restart). */
    public MentorChain(Duration tierDelay, Duration renotifyDelay) {
        this(MentorStore.inMemory(Clock.systemUTC()), tierDelay, renotifyDelay, DEFAULT_RESOLVED_RETENTION);
    }

    /** Tier delay 5 minutes, re-notify after 15 minutes, resolved alerts kept a day, on {@code store}. */
    public static MentorChain on(MentorStore store) {
        return new MentorChain(store, Duration.ofMinutes(5), Duration.ofMinutes(15), DEFAULT_RESOLVED_RETENTION);
    }

    /** Defaults of {@link #on} with an in-memory store (tests, single process). */
    public static MentorChain withDefaults() {
        return on(MentorStore.inMemory(Clock.systemUTC()));
    }

    @Override
    public void install(FeatureRegistry registry, BotContext botContext) {
        this.context = botContext;
        registry.command("mentor", "on|off", "Mentors: go on call for crisis alerts, or off", Access.EVERYONE,
                this::mentorCommand);
        registry.command("mentor_tier", "<user id> <1-3>", "Moderators: set a mentor's escalation tier",
                Access.MODERATOR, this::tierCommand);
        registry.button(ALERT_BUTTON, (turn, action) -> alertButton(turn, action.get("alert"), action.get("do")));
        registry.due(new Timer(ESCALATE));
        registry.due(new Timer(RENOTIFY));
    }

    private void mentorCommand(Turn turn, String args) {
        if (!turn.actor().mentor()) {
            turn.replyPrivately("Only members with the mentor role can go on call. A moderator can give you the role.");
            return;
        }
        String choice = args.strip().toLowerCase(java.util.Locale.ROOT);
        if (!choice.equals("on") && !choice.equals("off")) {
            throw new UsageException("Say /mentor on or /mentor off.");
        }
        boolean on = choice.equals("on");
        ChatUserId id = turn.actor().id();
        Optional<Mentor> m = store.mentor(id);
        store.saveMentor(new Mentor(id, turn.actor().displayName(), m.map(Mentor::tier).orElse(1), on));
        turn.replyPrivately(on ? "You're on call. Alerts come to you here, in private. Thank you."
                : "You're off call. Thank you for being there.");
    }

    private void tierCommand(Turn turn, String args) {
        String[] parts = args.strip().split("\\s+");
        if (parts.length != 2 || !parts[1].matches("[1-" + MAX_TIER + "]")) {
            throw new UsageException("Give a member id and a tier from 1 to " + MAX_TIER + ".");
        }
        ChatUserId id = new ChatUserId(turn.actor().id().platform(), parts[0]);
        int tier = Integer.parseInt(parts[1]);
        Optional<Mentor> m = store.mentor(id);
        store.saveMentor(new Mentor(id, m.map(Mentor::name).orElse(parts[0]), tier, m.map(Mentor::onCall).orElse(false)));
        turn.reply("Tier " + tier + " set for mentor " + parts[0] + ".");
    }

    /** A roster mentor by platform id or name (any case, leading {@code @} ignored), for check-in risk signals. */
    @Override
    public Optional<RosterMentor> findMentor(org.fellowship.core.model.Platform platform, String nameOrId) {
        String wanted = nameOrId.strip().replaceFirst("^@", "");
        for (Mentor m : store.mentors()) {
            if (m.id().platform() == platform && (m.id().value().equals(wanted)
                    || m.name() != null && m.name().replaceFirst("^@", "").equalsIgnoreCase(wanted))) {
                return Optional.of(new RosterMentor(m.id(), m.name() == null ? m.id().value() : m.name()));
            }
        }
        return Optional.empty();
    }

    /** A check-in risk note to one mentor: the same private, urgent DM path the escalation alerts use. */
    @Override
    public void notifyMentor(ChatUserId mentor, String text) {
        dm(mentor, text, List.of());
    }

    /** The roster as it is now (for tests and status). */
    public List<Mentor> mentors() {
        return store.mentors();
    }

    @Override
    public boolean requestMentor(Turn turn, CrisisCategory category) {
        ChatUserId member = turn.actor().id();
        if (store.openAlertOf(member).isPresent()) {
            return true; // one open alert per member: this request joins it
        }
        List<Mentor> roster = store.mentors();
        Optional<Integer> tier = firstTierWithMentors(roster, 1, member);
        if (tier.isEmpty()) {
            return false;
        }
        String id = "a" + store.nextAlertNumber() + "-" + turn.now().toEpochMilli();
        MentorAlert alert = store.openIfNone(new MentorAlert(id, member, category, tier.get(), AlertState.OPEN, null,
                null, turn.now(), turn.now(), 0));
        if (!alert.id().equals(id)) {
            return true; // a concurrent request of the same member opened one first
        }
        LOG.info("alert {} opened for tier {}", id, tier.get());
        page(alert, roster, turn.now());
        return true;
    }

    private static Optional<Integer> firstTierWithMentors(List<Mentor> roster, int from, ChatUserId member) {
        for (int t = from; t <= MAX_TIER; t++) {
            int tier = t;
            if (roster.stream().anyMatch(m -> m.onCall() && m.tier() == tier && !m.id().equals(member))) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    private void page(MentorAlert alert, List<Mentor> roster, Instant now) {
        List<Mentor> candidates = new ArrayList<>(roster.stream()
                .filter(m -> m.onCall() && m.tier() == alert.tier() && !m.id().equals(alert.member()))
                .sorted(Comparator.comparing(m -> m.id().value())).toList());
        if (candidates.isEmpty()) {
            return;
        }
        long next = store.nextTurn(alert.tier());
        Mentor mentor = candidates.get((int) Math.floorMod(next, (long) candidates.size()));
        String what = alert.category() == null ? "asked for a mentor" : "may be in crisis (" + alert.category().label() + ")";
        dm(mentor.id(), "Crisis alert " + alert.id() + ": a member " + what + " and would like to talk. "
                + "Please acknowledge if you can help; take it when you're reaching out to them.",
                List.of(ButtonRow.of(button(mentor.id(), "Acknowledge", alert.id(), "ack"),
                        button(mentor.id(), "Take", alert.id(), "take"),
                        button(mentor.id(), "Resolve", alert.id(), "resolve"))));
        context.dueQueue().schedule(new DueItem(ESCALATE + ":" + alert.id() + ":" + alert.tier() + ":"
                + now.toEpochMilli(), ESCALATE,
                now.plus(tierDelay), alert.id() + "|" + alert.tier()));
    }

    private Button button(ChatUserId mentor, String label, String alertId, String action) {
        String token = context.buttons().issue(new ButtonAction(ALERT_BUTTON, Map.of("alert", alertId, "do", action),
                mentor), context.settings().buttonTtl());
        return new Button(label, token);
    }

    private void dm(ChatUserId to, String text, List<ButtonRow> buttons) {
        context.outbox().send(new OutboundMessage(Conversation.direct(to).id(), text, TextStyle.PLAIN, buttons, null,
                Delivery.PRIVATE, to, Priority.URGENT), true);
    }

    private void alertButton(Turn turn, String alertId, String action) {
        if (!List.of("ack", "take", "resolve").contains(String.valueOf(action))) {
            turn.replyPrivately("I don't know that action.");
            return;
        }
        ChatUserId mentor = turn.actor().id();
        String name = turn.actor().displayName() == null ? "A mentor" : turn.actor().displayName();
        // Compare-and-set: re-read and retry when the alert changed meanwhile (a timer escalated it, another
        // mentor acknowledged); a change that would take the alert from another mentor is refused instead.
        for (int attempt = 0; attempt < 5; attempt++) {
            MentorAlert alert = alertId == null ? null : store.alert(alertId).orElse(null);
            if (alert == null || !alert.open()) {
                turn.replyPrivately("This alert is already closed. Thank you.");
                return;
            }
            boolean heldByOther = alert.state() == AlertState.TAKEN && !mentor.equals(alert.mentor());
            if (heldByOther && !action.equals("resolve")) {
                turn.replyPrivately("Another mentor has already taken alert " + alert.id() + ". Thank you for "
                        + "being ready.");
                LOG.info("alert {} {} refused: already taken", alert.id(), action);
                return;
            }
            AlertState target = switch (action) {
                case "ack" -> AlertState.ACKNOWLEDGED;
                case "take" -> AlertState.TAKEN;
                default -> AlertState.RESOLVED;
            };
            ChatUserId holder = target == AlertState.RESOLVED && heldByOther ? alert.mentor() : mentor;
            String holderName = target == AlertState.RESOLVED && heldByOther ? alert.mentorName() : name;
            Optional<MentorAlert> won = store.update(alert.with(alert.tier(), target, holder, holderName, turn.now()),
                    resolvedRetention);
            if (won.isEmpty()) {
                continue;
            }
            switch (target) {
                case ACKNOWLEDGED -> {
                    scheduleRenotify(alert.id(), turn.now());
                    turn.replyPrivately("Thank you: alert " + alert.id() + " is acknowledged by you. Press Take when "
                            + "you reach out to them.");
                }
                case TAKEN -> {
                    scheduleRenotify(alert.id(), turn.now());
                    turn.replyPrivately("It's yours. Please message them directly now; press Resolve when they're "
                            + "safe and supported.");
                    dm(alert.member(), name + ", one of the mentors, is on the way and will message you. You're not "
                            + "alone.", List.of());
                }
                default -> turn.replyPrivately("Alert " + alert.id() + " is resolved. Thank you for being there. "
                        + "Take care of yourself too.");
            }
            LOG.info("alert {} {} by a tier {} mentor", alert.id(), action, alert.tier());
            return;
        }
        LOG.warn("alert {} {} gave up after repeated concurrent changes", alertId, action);
        turn.replyPrivately("That alert is changing right now; please press the button again.");
    }

    private void scheduleRenotify(String alertId, Instant now) {
        context.dueQueue().schedule(new DueItem(RENOTIFY + ":" + alertId + ":" + now.toEpochMilli(), RENOTIFY,
                now.plus(renotifyDelay), alertId + "|0"));
    }

    /** Escalation and re-notify timers; they read the alert from the store, so they survive a restart. */
    private final class Timer implements DueHandler {
        private final String kind;

        Timer(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void run(DueItem item) {
            String[] parts = item.payload().split("\\|");
            MentorAlert alert = store.alert(parts[0]).orElse(null);
            if (alert == null || !alert.open()) {
                return;
            }
            Instant now = context.clock().instant();
            if (kind.equals(ESCALATE)) {
                int pagedTier = Integer.parseInt(parts[1]);
                if (alert.state() != AlertState.OPEN || alert.tier() != pagedTier) {
                    return; // acknowledged meanwhile, or already escalated (a duplicate delivery)
                }
                List<Mentor> roster = store.mentors();
                Optional<Integer> next = firstTierWithMentors(roster, pagedTier + 1, alert.member());
                int tier = next.orElse(1); // after the last tier start again at tier 1 rather than go silent
                Optional<MentorAlert> escalated = store.update(alert.with(tier, AlertState.OPEN, null, null, now),
                        resolvedRetention);
                if (escalated.isEmpty()) {
                    return; // changed meanwhile (acknowledged, or another instance escalated it)
                }
                if (next.isEmpty()) {
                    LOG.warn("alert {} unacknowledged after the last tier", alert.id());
                } else {
                    LOG.info("alert {} escalated to tier {}", alert.id(), tier);
                }
                page(escalated.get(), roster, now);
            } else if (alert.mentor() != null) {
                dm(alert.mentor(), "Reminder: alert " + alert.id() + " is still open. Press Resolve when they're "
                        + "safe and supported, or let a moderator know if you need someone else to take over.",
                        List.of(ButtonRow.of(button(alert.mentor(), "Resolve", alert.id(), "resolve"))));
                scheduleRenotify(alert.id(), now);
            }
        }
    }
}
