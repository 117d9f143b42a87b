package org.fellowship.core.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;

/**
 * {@code /away until YYYY-MM-DD|off}: pauses prompts for up to a year; away days keep the streak safe. Thread-safe
 * (stateless apart from its collaborators).
 */
final class AwayCommand {
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final MemberRecords records;

    AwayCommand(MemberRecords records) {
        this.records = records;
    }

    void away(Turn turn, String args) {
        String[] words = args.strip().split("\\s+");
        if (words.length == 1 && words[0].equalsIgnoreCase("off")) {
            records.update(turn, x -> x.withAway(null));
            turn.replyPrivately("Welcome back! Check-in prompts continue as before.");
            return;
        }
        if (words.length != 2 || !words[0].equalsIgnoreCase("until")) {
            throw new UsageException("Say until which date you're away, e.g. /away until 2026-12-24, or /away off.");
        }
        LocalDate until;
        try {
            until = LocalDate.parse(words[1], ISO_STRICT);
        } catch (DateTimeParseException e) {
            throw new UsageException("\"" + Clip.typed(words[1], 20) + "\" isn't a date I can use; write it as "
                    + "YYYY-MM-DD, e.g. 2026-12-24.");
        }
        LocalDate today = MemberRecords.today(turn);
        if (until.isBefore(today)) {
            throw new UsageException(until.format(SHOWN) + " has already passed. Give a date from today on.");
        }
        if (until.isAfter(today.plusYears(1))) {
            throw new UsageException("Away mode lasts at most a year; give an earlier date.");
        }
        records.update(turn, x -> {
            CheckinRecord away = x.withAway(until);
            return away.log().answered(today) ? away : away.withLog(away.log().with(today, DayLog.AWAY));
        });
        turn.replyPrivately("You're away until " + until.format(SHOWN) + ": no prompts until then, and your streak "
                + "is kept safe. /away off if you're back sooner. Take care.");
    }
}
