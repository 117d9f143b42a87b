package org.fellowship.core.checkin;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fellowship.core.alert.MentorNotes;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.NoPayload;
import org.fellowship.core.store.ButtonAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a check-in wave (see {@link CheckinSchedule}): for every member whose prompt or reminder is due, wins the
 * compare-and-set that moves their record past it, then sends it. Winning first is what makes each prompt go out
 * once per (member, local date) even with two instances or a wave re-run after a crash; a crash in the instant
 * between winning and sending loses that one message rather than sending it twice.
 *
 * <p>Prompts more than {@link #MAX_LATENESS} late (the bot was down) are skipped, not sent at a strange hour; such
 * days are neutral for the streak. Away days are recorded as away. Logs carry member ids only.
 */
final class CheckinDispatcher implements DueHandler<NoPayload> {
    static final Duration MAX_LATENESS = Duration.ofHours(3);
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CheckinDispatcher.class);

    private final CheckinStore store;
    private final CheckinSchedule schedule;
    private final BotContext context;
    private final MentorSignals signals;

    CheckinDispatcher(CheckinStore store, CheckinSchedule schedule, BotContext context, MentorSignals signals) {
        this.store = store;
        this.schedule = schedule;
        this.context = context;
        this.signals = signals;
    }

    @Override
    public DueKind<NoPayload> kind() {
        return CheckinSchedule.WAVE;
    }

    @Override
    public DueLane lane() {
        return DueLane.BULK;
    }

    @Override
    public void run(DueItem item, NoPayload none) {
        Instant now = context.clock().instant();
        Set<Instant> waves = new HashSet<>();
        int sent = 0;
        // Each round takes what is due now; members handled move to a later time, so rounds make progress.
        for (int round = 0; round < 10_000; round++) {
            List<CheckinRecord> due = store.due(now, BATCH);
            int[] outcome = dispatch(due, now, waves);
            sent += outcome[0];
            if (due.size() < BATCH || outcome[1] == 0) {
                break;
            }
        }
        store.nextEventAt().ifPresent(waves::add);
        for (Instant at : waves) {
            schedule.ensureWave(at, now);
        }
        if (sent > 0) {
            LOG.info("check-in wave {} sent {} prompts and reminders", item.id(), sent);
        }
    }

    /** What happens to one member now. */
    enum Kind { NONE, PROMPT, NUDGE }

    /** What to store and send for a record at {@code now}. */
    private record Step(CheckinRecord before, CheckinRecord after, Kind kind, LocalDate day, boolean signal) {
    }

    /**
     * Handles a batch: the answer buttons of every planned message are written in one round trip, then each member's
     * compare-and-set and send follow one by one (winning before sending, member by member, is what keeps a crash
     * from losing more than the one message being sent). Members whose record changed meanwhile are re-read and
     * tried again.
     *
     * @return {sent, progressed}
     */
    private int[] dispatch(List<CheckinRecord> records, Instant now, Set<Instant> waves) {
        int sent = 0;
        int progressed = 0;
        List<CheckinRecord> pending = records;
        for (int attempt = 0; attempt < CheckinSchedule.MAX_ATTEMPTS && !pending.isEmpty(); attempt++) {
            List<Step> steps = new ArrayList<>(pending.size());
            List<ButtonAction> actions = new ArrayList<>();
            for (CheckinRecord r : pending) {
                Step step = plan(r, now);
                steps.add(step);
                if (step.kind() != Kind.NONE) {
                    actions.add(CheckinAnswers.moodAction(r.member(), step.day()));
                }
            }
            List<List<String>> tokens = actions.isEmpty() ? List.of() : context.buttons().issueChoicesAll(actions,
                    CheckinAnswers.CHOICE, CheckinAnswers.MOODS, CheckinAnswers.ANSWER_TTL);
            List<CheckinRecord> lost = new ArrayList<>();
            int button = 0;
            for (Step step : steps) {
                List<String> mine = step.kind() == Kind.NONE ? null : tokens.get(button++);
                Instant next = schedule.nextEvent(step.after());
                if (!store.replace(step.before(), step.after(), next)) {
                    store.find(step.before().member()).ifPresent(lost::add); // erased meanwhile: nothing to do
                    continue;
                }
                progressed++;
                if (next != null) {
                    waves.add(next);
                }
                if (mine != null) {
                    send(step, CheckinAnswers.rows(mine, CheckinAnswers.MOODS, 5));
                    sent++;
                }
            }
            pending = lost;
        }
        for (CheckinRecord r : pending) {
            LOG.warn("check-in of {} kept changing during dispatch", r.member());
        }
        return new int[] {sent, progressed};
    }

    private void send(Step s, List<ButtonRow> buttons) {
        if (s.kind() == Kind.PROMPT) {
            prompt(s.after(), s.day(), buttons);
            if (s.signal()) {
                signals.signal(s.after(), "missed three check-ins in a row");
            }
        } else {
            nudge(s.after(), buttons);
        }
    }

    private Step plan(CheckinRecord r, Instant now) {
        if (!r.enabled() || r.nextDay() == null) {
            return new Step(r, r, Kind.NONE, null, false); // stale index entry: rewriting drops it
        }
        Instant promptAt = PromptTimes.promptAt(r.nextDay(), r.time(), r.zone());
        if (r.nudgeDay() != null) {
            Instant nudgeAt = PromptTimes.promptAt(r.nudgeDay(), r.time(), r.zone()).plus(schedule.nudgeDelay());
            if (!nudgeAt.isAfter(now) && !nudgeAt.isAfter(promptAt)) {
                LocalDate day = r.nudgeDay();
                boolean send = r.nudges() && !r.log().answered(day) && !r.awayOn(day)
                        && Duration.between(nudgeAt, now).compareTo(MAX_LATENESS) <= 0;
                return new Step(r, r.promptedFor(r.nextDay(), null), send ? Kind.NUDGE : Kind.NONE, day, false);
            }
        }
        if (promptAt.isAfter(now)) {
            return new Step(r, r, Kind.NONE, null, false); // indexed too early (changed meanwhile): re-index
        }
        DayLog log = r.log();
        LocalDate day = r.nextDay();
        // Days whose prompt is more than MAX_LATENESS late are skipped (neutral), never sent at a strange hour.
        while (Duration.between(PromptTimes.promptAt(day, r.time(), r.zone()), now).compareTo(MAX_LATENESS) > 0) {
            if (!log.answered(day)) {
                log = log.with(day, r.awayOn(day) ? DayLog.AWAY : DayLog.SKIPPED);
            }
            day = day.plusDays(1);
        }
        if (PromptTimes.promptAt(day, r.time(), r.zone()).isAfter(now)) {
            return new Step(r, r.withLog(log).promptedFor(day, null), Kind.NONE, null, false);
        }
        LocalDate today = day;
        if (r.awayOn(today)) {
            DayLog away = log.answered(today) ? log : log.with(today, DayLog.AWAY);
            CheckinRecord after = r.withLog(away).promptedFor(today.plusDays(1), null);
            boolean over = after.awayUntil() != null && after.awayUntil().isBefore(today.plusDays(1));
            return new Step(r, over ? after.withAway(null) : after, Kind.NONE, null, false);
        }
        if (log.answered(today)) {
            return new Step(r, r.withLog(log).promptedFor(today.plusDays(1), null), Kind.NONE, null, false);
        }
        boolean signal = r.signalsAllowed() && log.missedRunBefore(today) == 3 && !today.equals(r.signalDay());
        CheckinRecord after = r.withLog(log.with(today, DayLog.MISSED)).promptedFor(today.plusDays(1),
                r.nudges() ? today : null);
        return new Step(r, signal ? after.withSignalDay(today) : after, Kind.PROMPT, today, signal);
    }

    private void prompt(CheckinRecord r, LocalDate day, List<ButtonRow> buttons) {
        StringBuilder text = new StringBuilder();
        if (r.weekly() && day.getDayOfWeek() == DayOfWeek.MONDAY) {
            text.append(CheckinHistory.weekSummary(r.log(), day.minusDays(1))).append("\n\n");
        }
        text.append("Time for your daily check-in. How is your mood today? (1 = very low, 5 = great)");
        send(r, text.toString(), buttons);
        LOG.debug("check-in prompt sent to {}", r.member());
    }

    private void nudge(CheckinRecord r, List<ButtonRow> buttons) {
        send(r, "A gentle reminder: you can still check in for today whenever you're ready. "
                + "(No more reminders today. Turn these off with /checkin nudges off.)", buttons);
        LOG.debug("check-in reminder sent to {}", r.member());
    }

    private void send(CheckinRecord r, String text, List<ButtonRow> buttons) {
        ConversationId direct = Conversation.direct(r.member()).id();
        // Via the group they opted in from when there is one: where a DM is impossible, the outbox leaves only a
        // content-free pointer there (a start link), never the check-in itself.
        ConversationId to = r.origin() != null ? r.origin() : direct;
        context.outbox().send(new OutboundMessage(to, text, TextStyle.PLAIN, buttons, null, Delivery.PRIVATE,
                r.member(), Priority.NORMAL), to.equals(direct));
    }
}
