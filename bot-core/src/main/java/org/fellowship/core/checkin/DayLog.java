package org.fellowship.core.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A member's recent check-in days, one character per local date from {@link #start()} on, plus the streak carried
 * over from days that fell out of the window. Kept to {@link #WINDOW} days so the stored value stays small (it lives
 * in a compact Redis hash whose values must stay short to keep the hash listpack-encoded).
 *
 * <p>Day codes: {@link #MISSED} nothing recorded (missed once the day is over), {@link #AWAY} away (neutral),
 * {@link #SKIPPED} the prompt was not sent because the bot was too late (neutral), otherwise an answer
 * ({@link #answer(int, int)}). Immutable.
 *
 * @param start first date in {@code days}
 * @param carry streak (answered days) of the run that ended just before {@code start}, continuing into it
 * @param days  one code per date from {@code start}; at most {@link #WINDOW} characters
 */
public record DayLog(LocalDate start, int carry, String days) {
    /** Days kept. 48 codes plus the header keep the stored value under Redis' 64-byte listpack value limit. */
    public static final int WINDOW = 48;
    public static final char MISSED = '.';
    public static final char AWAY = '~';
    public static final char SKIPPED = '_';
    /** Craving not answered yet (mood only). */
    public static final int NO_CRAVING = 11;
    private static final String CODES = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Grace rule: a missed day is forgiven unless another forgiven miss lies within this many days. */
    public static final int GRACE_DAYS = 7;

    public DayLog {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(days, "days");
        if (days.length() > WINDOW || carry < 0) {
            throw new IllegalArgumentException("day log out of range");
        }
    }

    /** An empty log starting on {@code day}. */
    public static DayLog startingOn(LocalDate day) {
        return new DayLog(day, 0, "");
    }

    /** The code of an answer: mood 1-5 and craving 0-10 or {@link #NO_CRAVING}. */
    public static char answer(int mood, int craving) {
        if (mood < 1 || mood > 5 || craving < 0 || craving > NO_CRAVING) {
            throw new IllegalArgumentException("mood 1-5, craving 0-11");
        }
        return CODES.charAt((mood - 1) * 12 + craving);
    }

    public static boolean isAnswer(char code) {
        return CODES.indexOf(code) >= 0;
    }

    public static int moodOf(char code) {
        return CODES.indexOf(code) / 12 + 1;
    }

    public static int cravingOf(char code) {
        return CODES.indexOf(code) % 12;
    }

    /** The code for {@code day}, {@link #MISSED} when nothing is recorded (or the day is outside the window). */
    public char on(LocalDate day) {
        long i = day.toEpochDay() - start.toEpochDay();
        return i < 0 || i >= days.length() ? MISSED : days.charAt((int) i);
    }

    /** The log with {@code day} set to {@code code}; days before the window's start are ignored. */
    public DayLog with(LocalDate day, char code) {
        long i = day.toEpochDay() - start.toEpochDay();
        if (i < 0) {
            return this;
        }
        StringBuilder sb = new StringBuilder(days);
        while (sb.length() <= i) {
            sb.append(MISSED);
        }
        sb.setCharAt((int) i, code);
        DayLog grown = new DayLog(start, carry, sb.length() > WINDOW ? sb.substring(0, WINDOW) : sb.toString());
        if (sb.length() <= WINDOW) {
            return grown;
        }
        // Slide the window: fold the streak up to the new start into the carry, then drop the oldest days.
        int drop = sb.length() - WINDOW;
        LocalDate newStart = start.plusDays(drop);
        int newCarry = streakEndingOn(sb.toString(), newStart.minusDays(1));
        return new DayLog(newStart, newCarry, sb.substring(drop));
    }

    /**
     * The log with every day after its last recorded one, up to and including {@code through}, marked
     * {@link #SKIPPED}: days a member was not opted in are neutral, neither missed nor counted.
     */
    public DayLog neutralThrough(LocalDate through) {
        DayLog out = this;
        LocalDate from = start.plusDays(days.length());
        if (through.toEpochDay() - from.toEpochDay() >= WINDOW) {
            from = through.minusDays(WINDOW - 1);
        }
        for (LocalDate d = from; !d.isAfter(through); d = d.plusDays(1)) {
            out = out.with(d, SKIPPED);
        }
        return out;
    }

    /** Whether {@code day} holds an answer (mood given). */
    public boolean answered(LocalDate day) {
        return isAnswer(on(day));
    }

    /**
     * The current streak on {@code today}: answered days counted backwards from today (today counts only once
     * answered), where away and skipped days are neutral and a missed day is forgiven unless another forgiven missed
     * day lies fewer than {@link #GRACE_DAYS} days later (so at most one missed day in any 7 keeps the streak).
     */
    public int streak(LocalDate today) {
        LocalDate from = answered(today) ? today : today.minusDays(1);
        return streakEndingOn(padded(from), from);
    }

    private String padded(LocalDate through) {
        long n = through.toEpochDay() - start.toEpochDay() + 1;
        if (n <= days.length()) {
            return days;
        }
        return days + String.valueOf(MISSED).repeat((int) (n - days.length()));
    }

    private int streakEndingOn(String codes, LocalDate last) {
        int count = 0;
        LocalDate forgiven = null;
        long lastIndex = last.toEpochDay() - start.toEpochDay();
        if (lastIndex >= codes.length()) {
            lastIndex = codes.length() - 1;
        }
        for (long i = lastIndex; i >= 0; i--) {
            char c = codes.charAt((int) i);
            LocalDate day = start.plusDays(i);
            if (isAnswer(c)) {
                count++;
            } else if (c == MISSED) {
                if (forgiven != null && forgiven.toEpochDay() - day.toEpochDay() < GRACE_DAYS) {
                    return count;
                }
                forgiven = day;
            }
        }
        // Reached the window's start without a break: the older run continues.
        return count + carry;
    }

    /** How many days in a row before {@code today} were missed (not away, not skipped, not answered). */
    public int missedRunBefore(LocalDate today) {
        int run = 0;
        for (LocalDate d = today.minusDays(1); !d.isBefore(start); d = d.minusDays(1)) {
            if (on(d) != MISSED) {
                break;
            }
            run++;
        }
        return run;
    }

    /** Answers in the {@code n} days ending on {@code last}, oldest first ({@code null} for a day without one). */
    public List<Character> lastDays(LocalDate last, int n) {
        List<Character> out = new ArrayList<>(n);
        for (int i = n - 1; i >= 0; i--) {
            LocalDate d = last.minusDays(i);
            out.add(d.isBefore(start) ? null : on(d));
        }
        return out;
    }
}
