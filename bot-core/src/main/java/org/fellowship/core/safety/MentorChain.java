package org.fellowship.core.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.store.ButtonAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mentor escalation chain (first increment). Mentors (members the platform reports as mentors) go on call with
 * {@code /mentor on}; moderators set tiers with {@code /mentor_tier USER_ID TIER}. A member's request pages one
 * tier-1 mentor on call (round-robin within the tier) in a DM with Acknowledge / Take / Resolve buttons and the
 * minimum context (a category, never the member's words or history). Nobody acknowledging within the tier delay
 * (default 5 minutes) pages the next tier; an acknowledged alert not resolved re-notifies its mentor after the
 * re-notify delay. When a mentor takes it, the member is told someone is on the way. One open alert per member.
 * Timers run on the {@link org.fellowship.core.schedule.DueQueue} with idempotency keys per alert and tier.
 *
 * <p>Limits of this increment: rosters and alerts are kept in memory (a restart forgets open alerts, while their
 * timers survive in the due-queue and then do nothing), there is no moderators' channel after the last tier, no
 * quiet hours or capacity, and no audit stream yet.
 *
 * <p>Thread-safe.
 */
public final class MentorChain implements Feature, MentorPager {
    static final String ALERT_BUTTON = "crisis.alert";
    static final String ESCALATE = "crisis.escalate";
    static final String RENOTIFY = "crisis.renotify";
    private static final Logger LOG = LoggerFactory.getLogger(MentorChain.class);
    private static final int MAX_TIER = 3;

    /** A mentor in the roster. */
    public record Mentor(ChatUserId id, String name, int tier, boolean onCall) {
    }

    enum Status { OPEN, ACKNOWLEDGED, TAKEN, RESOLVED }

    /** One alert: who needs help, the tier paged last, and who holds it. */
    record Alert(String id, ChatUserId member, CrisisCategory category, int tier, Status status, ChatUserId mentor,
                 String mentorName, Instant opened) {
        Alert with(int newTier, Status newStatus, ChatUserId newMentor, String newMentorName) {
            return new Alert(id, member, category, newTier, newStatus, newMentor, newMentorName, opened);
        }
    }

    private final Duration tierDelay;
    private final Duration renotifyDelay;
    private final Map<ChatUserId, Mentor> roster = new ConcurrentHashMap<>();
    private final Map<String, Alert> alerts = new ConcurrentHashMap<>();
    private final Map<ChatUserId, String> openByMember = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> roundRobin = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile BotContext context;

    public MentorChain(Duration tierDelay, Duration renotifyDelay) {
        this.tierDelay = tierDelay;
        this.renotifyDelay = renotifyDelay;
    }

    /** Tier delay 5 minutes, re-notify after 15 minutes. */
    public static MentorChain withDefaults() {
        return new MentorChain(Duration.ofMinutes(5), Duration.ofMinutes(15));
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
        roster.compute(turn.actor().id(), (id, m) -> new Mentor(id, turn.actor().displayName(),
                m == null ? 1 : m.tier(), on));
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
        roster.compute(id, (key, m) -> new Mentor(key, m == null ? parts[0] : m.name(), tier, m != null && m.onCall()));
        turn.reply("Tier " + tier + " set for mentor " + parts[0] + ".");
    }

    /** The roster as it is now (for tests and status). */
    public List<Mentor> mentors() {
        return roster.values().stream().sorted(Comparator.comparing(m -> m.id().value())).toList();
    }

    @Override
    public boolean requestMentor(Turn turn, CrisisCategory category) {
        ChatUserId member = turn.actor().id();
        String existing = openByMember.get(member);
        if (existing != null && alerts.containsKey(existing) && alerts.get(existing).status() != Status.RESOLVED) {
            return true; // one open alert per member: this request joins it
        }
        Optional<Integer> tier = firstTierWithMentors(1, member);
        if (tier.isEmpty()) {
            return false;
        }
        String id = "a" + sequence.incrementAndGet() + "-" + turn.now().toEpochMilli();
        Alert alert = new Alert(id, member, category, tier.get(), Status.OPEN, null, null, turn.now());
        alerts.put(id, alert);
        openByMember.put(member, id);
        LOG.info("alert {} opened for tier {}", id, tier.get());
        page(alert, turn.now());
        return true;
    }

    private Optional<Integer> firstTierWithMentors(int from, ChatUserId member) {
        for (int t = from; t <= MAX_TIER; t++) {
            int tier = t;
            if (roster.values().stream().anyMatch(m -> m.onCall() && m.tier() == tier && !m.id().equals(member))) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    private void page(Alert alert, Instant now) {
        List<Mentor> candidates = new ArrayList<>(roster.values().stream()
                .filter(m -> m.onCall() && m.tier() == alert.tier() && !m.id().equals(alert.member()))
                .sorted(Comparator.comparing(m -> m.id().value())).toList());
        if (candidates.isEmpty()) {
            return;
        }
        int next = roundRobin.computeIfAbsent(alert.tier(), t -> new AtomicInteger()).getAndIncrement();
        Mentor mentor = candidates.get(Math.floorMod(next, candidates.size()));
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
        Alert alert = alertId == null ? null : alerts.get(alertId);
        if (alert == null || alert.status() == Status.RESOLVED) {
            turn.replyPrivately("This alert is already closed. Thank you.");
            return;
        }
        ChatUserId mentor = turn.actor().id();
        String name = turn.actor().displayName() == null ? "A mentor" : turn.actor().displayName();
        switch (action) {
            case "ack" -> {
                alerts.put(alert.id(), alert.with(alert.tier(), Status.ACKNOWLEDGED, mentor, name));
                scheduleRenotify(alert.id(), turn.now());
                turn.replyPrivately("Thank you: alert " + alert.id() + " is acknowledged by you. Press Take when you "
                        + "reach out to them.");
            }
            case "take" -> {
                alerts.put(alert.id(), alert.with(alert.tier(), Status.TAKEN, mentor, name));
                scheduleRenotify(alert.id(), turn.now());
                turn.replyPrivately("It's yours. Please message them directly now; press Resolve when they're safe "
                        + "and supported.");
                dm(alert.member(), name + ", one of the mentors, is on the way and will message you. You're not alone.",
                        List.of());
            }
            case "resolve" -> {
                alerts.put(alert.id(), alert.with(alert.tier(), Status.RESOLVED, mentor, name));
                openByMember.remove(alert.member(), alert.id());
                turn.replyPrivately("Alert " + alert.id() + " is resolved. Thank you for being there. Take care of "
                        + "yourself too.");
            }
            default -> turn.replyPrivately("I don't know that action.");
        }
        LOG.info("alert {} {} by a tier {} mentor", alert.id(), action, alert.tier());
    }

    private void scheduleRenotify(String alertId, Instant now) {
        context.dueQueue().schedule(new DueItem(RENOTIFY + ":" + alertId + ":" + now.toEpochMilli(), RENOTIFY,
                now.plus(renotifyDelay), alertId + "|0"));
    }

    /** Escalation and re-notify timers. */
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
            Alert alert = alerts.get(parts[0]);
            if (alert == null || alert.status() == Status.RESOLVED) {
                return;
            }
            Instant now = context.clock().instant();
            if (kind.equals(ESCALATE)) {
                int pagedTier = Integer.parseInt(parts[1]);
                if (alert.status() != Status.OPEN || alert.tier() != pagedTier) {
                    return; // acknowledged meanwhile, or already escalated (a duplicate delivery)
                }
                Optional<Integer> next = firstTierWithMentors(pagedTier + 1, alert.member());
                if (next.isEmpty()) {
                    LOG.warn("alert {} unacknowledged after the last tier", alert.id());
                    Alert again = alert.with(1, Status.OPEN, null, null);
                    alerts.put(alert.id(), again);
                    page(again, now); // start again at tier 1 (the next mentor in turn) rather than go silent
                    return;
                }
                Alert escalated = alert.with(next.get(), Status.OPEN, null, null);
                alerts.put(alert.id(), escalated);
                LOG.info("alert {} escalated to tier {}", alert.id(), next.get());
                page(escalated, now);
            } else if (alert.mentor() != null) {
                dm(alert.mentor(), "Reminder: alert " + alert.id() + " is still open. Press Resolve when they're "
                        + "safe and supported, or let a moderator know if you need someone else to take over.",
                        List.of(ButtonRow.of(button(alert.mentor(), "Resolve", alert.id(), "resolve"))));
                scheduleRenotify(alert.id(), now);
            }
        }
    }
}
