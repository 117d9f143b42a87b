package org.fellowship.core.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Words the check-in feature says. Warm replies rotate by date so they differ from day to day. */
final class CheckinTexts {
    private static final List<String> LOW = List.of(
            "Thank you for being honest about a hard day. Checking in when it's tough takes real strength.",
            "Hard days happen, and you showed up anyway. That matters.",
            "Thanks for checking in. Be gentle with yourself today; reaching out is always okay.",
            "You're not alone in this. Thank you for telling me how it really is today.");
    private static final List<String> MIDDLE = List.of(
            "Thanks for checking in. One day at a time.",
            "Noted, and thank you. Showing up every day is how it adds up.",
            "Thanks for taking a moment for yourself today.",
            "Got it. Steady days count too. Thanks for checking in.");
    private static final List<String> HIGH = List.of(
            "Lovely to hear. Thanks for checking in!",
            "That's great. Enjoy the good day, you've earned it.",
            "Good to hear you're doing well. See you tomorrow!",
            "Wonderful. Thanks for sharing the good news with yourself.");

    private CheckinTexts() {
    }

    static String warmReply(int mood, int craving, LocalDate day) {
        List<String> pool = mood <= 2 ? LOW : mood == 3 ? MIDDLE : HIGH;
        String text = pool.get((int) Math.floorMod(day.toEpochDay(), (long) pool.size()));
        if (craving >= 7) {
            text += " Strong cravings pass; if it helps, reach out to someone or try " + org.fellowship.core.command.CommandNames.HELP_NOW + ".";
        }
        return text;
    }

    /**
     * A compact trend line such as {@code 3 4 4 . ~ 5}: one symbol per day, "." missed (prompted, no answer), "_" no
     * prompt sent (not opted in that day, or the bot was too late), "~" away, "-" before the member started.
     */
    static String trend(List<Character> days, boolean mood) {
        StringBuilder sb = new StringBuilder();
        for (Character c : days) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (c == null) {
                sb.append('-');
            } else if (DayLog.isAnswer(c)) {
                int v = mood ? DayLog.moodOf(c) : DayLog.cravingOf(c);
                sb.append(v == DayLog.NO_CRAVING ? "?" : Integer.toString(v));
            } else if (c == DayLog.AWAY) {
                sb.append('~');
            } else if (c == DayLog.SKIPPED) {
                sb.append('_');
            } else {
                sb.append('.');
            }
        }
        return sb.toString();
    }

    static String average(double sum, int n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f", sum / n);
    }
}
