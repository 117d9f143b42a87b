package org.fellowship.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Streak grace, away days and the sliding window of {@link DayLog}. */
class DayLogTest {
    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final char OK = DayLog.answer(4, 2);

    private static DayLog log(String days) {
        return new DayLog(START, 0, days);
    }

    private static LocalDate day(int i) {
        return START.plusDays(i);
    }

    @Test
    void answeredDaysCountAndTodayCountsOnlyOnceAnswered() {
        DayLog l = log("" + OK + OK + OK);
        assertThat(l.streak(day(2))).isEqualTo(3);
        assertThat(l.streak(day(3))).as("today not answered yet is not missed").isEqualTo(3);
    }

    @Test
    void oneMissedDayInSevenIsForgivenTwoBreakTheStreak() {
        assertThat(log("" + OK + OK + '.' + OK + OK).streak(day(4))).isEqualTo(4);
        assertThat(log("" + OK + '.' + OK + OK + '.' + OK).streak(day(5))).as("two misses 3 days apart").isEqualTo(3);
        String spaced = "" + OK + '.' + OK + OK + OK + OK + OK + OK + '.' + OK;
        assertThat(log(spaced).streak(day(9))).as("misses 7 days apart are both forgiven").isEqualTo(8);
        assertThat(log("" + OK + OK + ".." + OK).streak(day(4))).as("two in a row break it").isEqualTo(1);
    }

    @Test
    void awayAndSkippedDaysAreNeutral() {
        assertThat(log("" + OK + "~~~~~~~~~" + OK).streak(day(10))).isEqualTo(2);
        assertThat(log("" + OK + '_' + '.' + OK).streak(day(3))).isEqualTo(2);
    }

    @Test
    void windowSlidesAndCarriesTheStreak() {
        DayLog l = DayLog.startingOn(START);
        for (int i = 0; i < 100; i++) {
            l = l.with(day(i), i == 50 ? DayLog.MISSED : OK);
        }
        assertThat(l.days()).hasSize(DayLog.WINDOW);
        assertThat(l.streak(day(99))).isEqualTo(99);
        assertThat(l.answered(day(99))).isTrue();
        assertThat(l.answered(day(10))).as("fell out of the window").isFalse();
    }

    @Test
    void missedRunAndAnswerCodesRoundTrip() {
        assertThat(log("" + OK + "...").missedRunBefore(day(4))).isEqualTo(3);
        assertThat(log("" + OK + ".~.").missedRunBefore(day(4))).isEqualTo(1);
        for (int mood = 1; mood <= 5; mood++) {
            for (int craving = 0; craving <= DayLog.NO_CRAVING; craving++) {
                char c = DayLog.answer(mood, craving);
                assertThat(DayLog.moodOf(c)).isEqualTo(mood);
                assertThat(DayLog.cravingOf(c)).isEqualTo(craving);
            }
        }
    }

    @Test
    void daysBeforeOptingInAreNeutral() {
        DayLog l = log("" + OK).neutralThrough(day(5)).with(day(6), OK);
        assertThat(l.on(day(3))).isEqualTo(DayLog.SKIPPED);
        assertThat(l.streak(day(6))).isEqualTo(2);
        assertThat(l.missedRunBefore(day(6))).isZero();
        DayLog far = log("" + OK).neutralThrough(day(200));
        assertThat(far.days()).hasSize(DayLog.WINDOW);
        assertThat(far.on(day(200))).isEqualTo(DayLog.SKIPPED);
    }
}
