package org.fellowship.core.checkin;

import java.time.Duration;
import java.util.Objects;
import org.fellowship.core.alert.MentorNotes;
import org.fellowship.core.model.Access;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;

/**
 * Daily check-ins: {@code /checkin} (check in now, {@code on [HH:MM]}, {@code off}, {@code nudges on|off},
 * {@code weekly on|off}, {@code mentor <name>|off}; moderators: {@code default HH:MM}, {@code summary on|off}),
 * {@code /checkins} (the member's last 14 days) and {@code /away until YYYY-MM-DD|off}.
 *
 * <p>Prompts go privately at the member's local time (see {@link PromptTimes}, {@link CheckinDispatcher}); the answer
 * is mood 1-5 then craving 0-10 by buttons, then an optional short private note (see {@link CheckinAnswers}). An
 * answer counts for the local date of the prompt it answers, however late; answering again updates that day. Streaks
 * follow {@link DayLog#streak}. Risk signals (mood 1, craving 8 or more, three missed days in a row) reach the
 * member's named mentor through {@link MentorNotes} only when the member consented; never a group. Everything is
 * private; the group summary shows only a count, and only when at least five checked in.
 *
 * <p>This class only installs the pieces; each command family and handler is its own class. Thread-safe. Logs carry
 * member ids only, never moods, notes or names.
 */
public final class CheckinFeature implements Feature {
    /** How long after an unanswered prompt the one reminder comes, unless configured otherwise. */
    public static final Duration DEFAULT_NUDGE_DELAY = Duration.ofHours(3);

    private final CheckinStore store;
    private final MentorNotes mentors;
    private final Duration nudgeDelay;

    /**
     * @param store      where records live (shared by every instance)
     * @param mentors    the mentor roster and alert path (use {@link MentorNotes#NONE} without one)
     * @param nudgeDelay how long after an unanswered prompt the one reminder comes
     */
    public CheckinFeature(CheckinStore store, MentorNotes mentors, Duration nudgeDelay) {
        this.store = Objects.requireNonNull(store, "store");
        this.mentors = Objects.requireNonNull(mentors, "mentors");
        this.nudgeDelay = Objects.requireNonNull(nudgeDelay, "nudgeDelay");
        if (nudgeDelay.isNegative() || nudgeDelay.isZero()) {
            throw new IllegalArgumentException("nudgeDelay must be positive");
        }
    }

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        CheckinSchedule schedule = new CheckinSchedule(store, context.dueQueue(), nudgeDelay);
        MemberRecords records = new MemberRecords(store, schedule);
        MentorSignals signals = new MentorSignals(store, records, schedule, mentors, context.clock());
        CheckinAnswers answers = new CheckinAnswers(store, records, context.buttons(), signals);
        GroupSummary summary = new GroupSummary(store, context);
        CheckinCommands checkin = new CheckinCommands(records, answers, signals,
                new ModeratorSettings(store, summary));
        CheckinHistory history = new CheckinHistory(store);
        AwayCommand away = new AwayCommand(records);
        registry.command("checkin", "[on [HH:MM] | off | nudges on|off | weekly on|off | mentor <name>|off]",
                "Daily private check-in: check in now, or turn daily prompts on or off", Access.EVERYONE,
                CheckinGuards.guarded(checkin::checkin));
        registry.command("checkins", "", "Your last 14 check-ins, streak and averages (private)", Access.EVERYONE,
                CheckinGuards.guarded((turn, args) -> history.view(turn)));
        registry.command("away", "until YYYY-MM-DD | off", "Pause check-in prompts and protect your streak",
                Access.EVERYONE, CheckinGuards.guarded(away::away));
        registry.button(CheckinAnswers.MOOD_BUTTON, CheckinGuards.guardedButton(answers::moodPressed));
        registry.button(CheckinAnswers.CRAVING_BUTTON, CheckinGuards.guardedButton(answers::cravingPressed));
        registry.button(MentorSignals.CONSENT_BUTTON, CheckinGuards.guardedButton(signals::consentPressed));
        registry.listener(answers::maybeNote);
        registry.due(new CheckinDispatcher(store, schedule, context, signals));
        registry.due(summary);
    }
}
