package org.fellowship.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.store.ButtonAction;

/**
 * Newcomer gating: when a community set a question with {@code /gate}, a member who joins is muted and asked it in
 * the group with one button per answer (only they can press them). The right answer lifts the mute and welcomes
 * them with the rules; a wrong one lets them try again; no right answer within the time limit removes them (they
 * may rejoin). The deadline is a due-queue item, so it survives restarts and runs once across instances; answering
 * cancels it. Every restriction, pass and removal is a case.
 */
final class NewcomerGate implements DueHandler<GateDeadline> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NewcomerGate.class);
    static final String BUTTON = "mod.gate";
    /** The mute outlasts the deadline a little, so the removal happens before it lapses. */
    private static final Duration MUTE_MARGIN = Duration.ofMinutes(5);

    private final RuleStore rules;
    private final Enforcement enforcement;
    private final BotContext context;

    NewcomerGate(RuleStore rules, Enforcement enforcement, BotContext context) {
        this.rules = rules;
        this.enforcement = enforcement;
        this.context = context;
    }

    @Override
    public DueKind<GateDeadline> kind() {
        return GateDeadline.KIND;
    }

    /** {@code /gate <question> | <right answer> | <other answer> ...}, {@code /gate time 10m}, {@code /gate off}. */
    void command(Turn turn, String args) {
        CommunityId community = Targets.community(turn);
        ModerationSettings s = rules.settings(community);
        String a = args.strip();
        String lower = a.toLowerCase(Locale.ROOT);
        if (a.isEmpty()) {
            turn.replyPrivately(s.gate() == null ? "Newcomers can write at once. Set a question with /gate <question> "
                    + "| <right answer> | <other answer>." : "Newcomers are asked: " + s.gate().question()
                    + "\nRight answer" + (s.gate().rightAnswers().size() > 1 ? "s: " : ": ")
                    + String.join(", ", s.gate().rightAnswers()) + ". Time to answer: "
                    + Durations.words(s.gate().timeLimit()) + ".");
            return;
        }
        if (lower.equals("off")) {
            rules.saveSettings(s.withGate(null));
            turn.replyPrivately("Newcomers can write at once now.");
            return;
        }
        if (lower.startsWith("time ")) {
            if (s.gate() == null) {
                throw new UsageException("Set a question first: /gate <question> | <right answer> | <other answer>.");
            }
            Duration limit = Durations.parse(a.substring(5));
            if (limit == null || limit.compareTo(Duration.ofMinutes(1)) < 0 || limit.compareTo(Duration.ofDays(1)) > 0) {
                throw new UsageException("Give the time to answer, from 1m to 1d, e.g. /gate time 10m.");
            }
            rules.saveSettings(s.withGate(s.gate().withTimeLimit(limit)));
            turn.replyPrivately("Newcomers have " + Durations.words(limit) + " to answer.");
            return;
        }
        List<String> parts = Arrays.stream(a.split("\\|")).map(String::strip).toList();
        if (parts.size() < 3 || parts.size() > 6 || parts.stream().anyMatch(String::isEmpty)) {
            throw new UsageException("Write the question, then 2-5 answers, separated by |; mark each right answer "
                    + "with + (several may be right), or put the one right answer first.");
        }
        if (parts.stream().anyMatch(p -> p.length() > 200) || parts.subList(1, parts.size()).stream()
                .anyMatch(p -> p.length() > 40)) {
            throw new UsageException("Keep the question under 200 characters and each answer under 40.");
        }
        if (parts.subList(1, parts.size()).stream().map(p -> p.replaceFirst("^\\+\\s*", "").toLowerCase(Locale.ROOT))
                .distinct().count() != parts.size() - 1) {
            throw new UsageException("The answers must differ from each other.");
        }
        Gate gate = new Gate(parts.get(0), parts.subList(1, parts.size()),
                s.gate() == null ? Gate.DEFAULT_TIME : s.gate().timeLimit());
        if (gate.rightAnswers().size() == gate.answers().size()) {
            throw new UsageException("At least one answer must be wrong, or the question lets anyone in.");
        }
        rules.saveSettings(s.withGate(gate));
        turn.replyPrivately("Newcomers will be muted until they answer: " + gate.question() + " (right: "
                + String.join(", ", gate.rightAnswers()) + "; " + Durations.words(gate.timeLimit()) + " to answer). Turn it off with "
                + "/gate off.");
    }

    /** A member joined: mute, ask, and set the deadline. {@code false} when the community has no gate. */
    boolean joined(Turn turn, ModerationSettings settings) {
        Gate gate = settings.gate();
        if (gate == null || turn.actor().moderator()) {
            return false;
        }
        CommunityId community = settings.community();
        ConversationId chat = turn.conversation().id();
        ChatUserId member = turn.actor().id();
        Instant deadline = turn.now().plus(gate.timeLimit());
        Enforcement.Outcome muted = enforcement.memberAction(ActionType.MUTE, chat, member,
                gate.timeLimit().plus(MUTE_MARGIN), turn.now());
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "gate", null, member, chat, null, 0,
                "newcomer question asked", "", muted.text()));
        if (!muted.ok()) {
            enforcement.notifyModerators(community, chat, "Case " + c.number() + " needs you: " + muted.text(),
                    m -> List.of(), Set.of());
        }
        String dueId = "gate:" + community + ":" + member.value() + ":" + turn.now().toEpochMilli();
        context.dueQueue().schedule(GateDeadline.KIND.item(dueId, deadline, new GateDeadline(community, chat, member))
                .about(member));
        List<Button> buttons = new ArrayList<>();
        List<String> shown = gate.shown();
        for (String answer : shown) {
            buttons.add(turn.button(answer, BUTTON, Map.of("p", chat.platform().lowerName(), "cv", community.value(),
                    "due", dueId, "right", Boolean.toString(gate.isRight(answer)))));
        }
        turn.reply("Welcome, " + turn.actor().displayName() + "! Before you can write here, please answer within "
                + Durations.words(gate.timeLimit()) + ": " + gate.question(), List.of(new ButtonRow(buttons)));
        return true;
    }

    /** The newcomer pressed an answer. */
    void pressed(Turn turn, ButtonAction a) {
        Platform platform = Platform.parse(a.get("p"));
        CommunityId community = turn.context().aliases().current(new CommunityId(platform, a.get("cv")));
        ConversationId chat = turn.conversation().id();
        ChatUserId member = turn.actor().id();
        if (!Boolean.parseBoolean(a.get("right"))) {
            turn.replyPrivately("That's not the answer this group is looking for. You can try again until the time "
                    + "runs out.");
            return;
        }
        if (!context.dueQueue().cancel(a.get("due"))) {
            turn.replyPrivately("This question has closed. If you were removed, you're welcome to join again.");
            return;
        }
        Enforcement.Outcome unmuted = unmute(chat, member);
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "gate-pass", null, member, chat, null, 0,
                "answered the newcomer question", "", unmuted.text()));
        if (!unmuted.ok()) {
            enforcement.notifyModerators(community, chat, "Case " + c.number() + " needs you: " + unmuted.text(),
                    m -> List.of(), Set.of());
        }
        ModerationSettings s = rules.settings(community);
        turn.reply("Thank you, " + turn.actor().displayName() + ", you're in!"
                + (s.welcomeText() == null ? "" : " " + s.welcomeText()) + "\nSend /rules to read the group's rules.");
    }

    private Enforcement.Outcome unmute(ConversationId chat, ChatUserId member) {
        var admin = context.gateways().admin(chat.platform());
        if (admin.isEmpty()) {
            return Enforcement.Outcome.failed("lift the mute",
                    org.fellowship.core.port.GatewayException.unsupported("moderation"));
        }
        try {
            admin.get().unmute(chat, member);
            return Enforcement.Outcome.DONE;
        } catch (org.fellowship.core.port.GatewayException e) {
            return Enforcement.Outcome.failed("lift the mute", e);
        }
    }

    /** The deadline passed without a right answer: remove the newcomer (they may rejoin). */
    @Override
    public void run(DueItem item, GateDeadline deadline) {
        CommunityId community = context.aliases().current(deadline.community());
        ConversationId chat = deadline.chat();
        ChatUserId member = deadline.member();
        if (!context.firstDelivery(item.id())) {
            return; // removed already by an earlier run (they may have rejoined since: leave them be)
        }
        Instant now = context.clock().instant();
        Enforcement.Outcome removed = enforcement.memberAction(ActionType.KICK, chat, member, Duration.ZERO, now);
        ModCase c = enforcement.record(new ModCase(community, 0, now, "kick", null, member, chat, null, 0,
                "did not answer the newcomer question in time", "", removed.text()));
        if (!removed.ok()) {
            enforcement.notifyModerators(community, chat, "Case " + c.number() + " needs you: " + removed.text(),
                    m -> List.of(), Set.of());
            return;
        }
        // said only once it happened, and only to them: they may come back
        try {
            context.outbox().send(new org.fellowship.core.outbound.OutboundMessage(
                    org.fellowship.core.model.Conversation.direct(member).id(), "The time to answer the group's "
                    + "newcomer question ran out, so I removed you from the group for now. You're welcome to join "
                    + "again with the same invite link and answer the question then.",
                    org.fellowship.core.outbound.TextStyle.PLAIN, List.of(), null,
                    org.fellowship.core.outbound.Delivery.PRIVATE, member,
                    org.fellowship.core.outbound.Priority.NORMAL), true);
        } catch (RuntimeException e) {
            LOG.warn("newcomer {} removed but not told: {}", member, e.getMessage());
        }
    }
}
