package org.fellowship.core.checkin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.OnOff;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /checkin}: check in now, {@code on [HH:MM]}, {@code off}, {@code nudges on|off} and {@code weekly on|off};
 * {@code mentor} goes to {@link MentorSignals}, the moderators' {@code default} and {@code summary} to
 * {@link ModeratorSettings} (only for moderators; refused the way those settings word it). Logs carry member ids
 * only. Thread-safe (stateless apart from its collaborators).
 */
final class CheckinCommands {
    private static final Logger LOG = LoggerFactory.getLogger(CheckinCommands.class);

    private final MemberRecords records;
    private final CheckinAnswers answers;
    private final Subcommands routes;

    CheckinCommands(MemberRecords records, CheckinAnswers answers, MentorSignals mentors,
                    ModeratorSettings moderators) {
        this.records = records;
        this.answers = answers;
        this.routes = Subcommands.of("checkin")
                .bare(this::checkInNow)
                .sub("on", this::turnOn)
                .sub("off", (turn, rest) -> turnOff(turn))
                .sub("nudges", this::nudges)
                .sub("nudge", this::nudges)
                .sub("weekly", this::weekly)
                .sub("mentor", mentors::mentor)
                .sub("default", Access.MODERATOR, moderators::defaultTime)
                .sub("summary", Access.MODERATOR, moderators::summary)
                .otherwise((turn, args) -> {
                    throw new UsageException("I don't know \"/checkin " + Clip.typed(FirstWord.of(args).word(), 20)
                            + "\". Try /checkin on 20:00, /checkin off or just /checkin.");
                })
                .refusing(ModeratorSettings::refuse);
    }

    void checkin(Turn turn, String args) {
        routes.handle(turn, args);
    }

    private void checkInNow(Turn turn) {
        LocalDate today = MemberRecords.today(turn);
        CheckinRecord r = records.update(turn, x -> x);
        String already = r.log().answered(today) ? " You already checked in today; answering again updates it." : "";
        turn.replyPrivately("How is your mood today? (1 = very low, 5 = great)" + already,
                answers.moodButtons(turn.actor().id(), today));
    }

    private void turnOn(Turn turn, String rest) {
        LocalTime time = rest.isEmpty() ? null : CheckinInput.parseTime(rest);
        LocalDate today = MemberRecords.today(turn);
        CheckinRecord r = records.update(turn, x -> {
            LocalTime at = time != null ? time : x.enabled() ? x.time() : records.defaultTime(x.community());
            // Days before opting (back) in are neutral for the streak and the missed-days signal.
            CheckinRecord on = x.enabled() ? x : x.withLog(x.log().neutralThrough(today.minusDays(1)));
            return on.withSchedule(true, at, turn.zone(), PromptTimes.firstDay(turn.now(), at, turn.zone()));
        });
        LOG.info("check-ins on for {}", turn.actor().id());
        turn.replyPrivately(String.format(Locale.ROOT, "Daily check-ins are on: I'll message you privately at %s "
                        + "(%s), starting %s. /checkin off stops them; /away pauses them.", r.time(), r.zone().getId(),
                r.nextDay().equals(today) ? "today" : "tomorrow"));
    }

    private void turnOff(Turn turn) {
        records.update(turn, x -> x.withSchedule(false, x.time(), x.zone(), null));
        LOG.info("check-ins off for {}", turn.actor().id());
        turn.replyPrivately("Daily check-in prompts are off. Your history stays private; /checkin still works any "
                + "time, and /checkin on starts them again.");
    }

    private void nudges(Turn turn, String value) {
        boolean on = OnOff.parse(value, "/checkin nudges off");
        records.update(turn, x -> x.withNudges(on));
        turn.replyPrivately(on ? "If a check-in goes unanswered I'll send one gentle reminder a few hours later, "
                + "never more." : "No reminders: just the one daily prompt.");
    }

    private void weekly(Turn turn, String value) {
        boolean on = OnOff.parse(value, "/checkin weekly on");
        records.update(turn, x -> x.withWeekly(on));
        turn.replyPrivately(on ? "You'll get a private summary of your week with Monday's prompt."
                : "No weekly summary.");
    }
}
