package org.fellowship.core.checkin;

import java.time.LocalDate;
import java.util.List;
import org.fellowship.core.engine.Turn;

/**
 * What a member sees of their own check-ins: {@code /checkins} (the last 14 days, streak and averages) and the weekly
 * summary that comes with Monday's prompt. Always private. Thread-safe (stateless apart from the store).
 */
final class CheckinHistory {
    private final CheckinStore store;

    CheckinHistory(CheckinStore store) {
        this.store = store;
    }

    /** {@code /checkins}. */
    void view(Turn turn) {
        LocalDate today = MemberRecords.today(turn);
        CheckinRecord r = store.find(turn.actor().id()).orElse(null);
        if (r == null || r.log().days().chars().noneMatch(c -> DayLog.isAnswer((char) c))) {
            boolean prompted = r != null && r.enabled();
            turn.replyPrivately("No check-ins yet. Send /checkin to do your first one" + (prompted
                    ? "; your daily prompt comes at " + r.time() + " (" + r.zone().getId() + ")."
                    : ", or /checkin on for a daily prompt."));
            return;
        }
        List<Character> days = r.log().lastDays(today, 14);
        Averages averages = Averages.of(days);
        int streak = r.log().streak(today);
        String text = "Your last 14 days (oldest first; . missed, _ no prompt sent, ~ away, - before you started):\n"
                + "Mood:    " + CheckinTexts.trend(days, true) + "\n"
                + "Craving: " + CheckinTexts.trend(days, false) + "\n"
                + "Checked in " + averages.answered() + " of 14 days. Average mood " + averages.mood()
                + ", average craving " + averages.craving() + ".\n"
                + "Streak: " + streak + (streak == 1 ? " day" : " days")
                + " (one missed day in any 7 keeps it; away days don't count against it).";
        turn.replyPrivately(text);
    }

    /** A private summary of the 7 days ending on {@code last}. */
    static String weekSummary(DayLog log, LocalDate last) {
        Averages week = Averages.of(log.lastDays(last, 7));
        return "Your week: checked in " + week.answered() + " of 7 days, average mood " + week.mood()
                + ", average craving " + week.craving() + ". Streak: " + log.streak(last) + " days.";
    }

    /** Answered days among some days, and the sums their averages come from (days without a craving left out). */
    private record Averages(int answered, double moodSum, double cravingSum, int cravings) {
        static Averages of(List<Character> days) {
            int answered = 0;
            double moodSum = 0;
            double cravingSum = 0;
            int cravings = 0;
            for (Character c : days) {
                if (c != null && DayLog.isAnswer(c)) {
                    answered++;
                    moodSum += DayLog.moodOf(c);
                    if (DayLog.cravingOf(c) != DayLog.NO_CRAVING) {
                        cravingSum += DayLog.cravingOf(c);
                        cravings++;
                    }
                }
            }
            return new Averages(answered, moodSum, cravingSum, cravings);
        }

        String mood() {
            return CheckinTexts.average(moodSum, answered);
        }

        String craving() {
            return CheckinTexts.average(cravingSum, cravings);
        }
    }
}
