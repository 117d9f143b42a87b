package org.fellowship.core.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The date arithmetic checked against an independent computation: a hand-written proleptic Gregorian calendar
 * (days from civil, own leap-year rule, own month lengths, own offset arithmetic) that shares no code with
 * {@code java.time}'s calendar fields.
 */
class MilestoneMathPropertiesTest {
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    // ---- the independent calendar ------------------------------------------------------------------------------

    private static boolean leap(long y) {
        return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    private static int monthLength(long y, int m) {
        return m == 2 && leap(y) ? 29 : MONTH_DAYS[m - 1];
    }

    /** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
    private static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static long[] civilFromDays(long z) {
        z += 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {m <= 2 ? y + 1 : y, m, d};
    }

    /** Calendar months later: same day of month, clamped to the target month's length. */
    private static long[] addMonths(long y, int m, int d, long months) {
        long index = y * 12 + (m - 1) + months;
        long ny = Math.floorDiv(index, 12);
        int nm = (int) Math.floorMod(index, 12) + 1;
        return new long[] {ny, nm, Math.min(d, monthLength(ny, nm))};
    }

    private static LocalDate date(long[] ymd) {
        return LocalDate.of((int) ymd[0], (int) ymd[1], (int) ymd[2]);
    }

    // ---- generators ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<LocalDate> cleanDates() {
        Arbitrary<LocalDate> any = Arbitraries.longs().between(daysFromCivil(1900, 1, 1), daysFromCivil(2100, 12, 31))
                .map(LocalDate::ofEpochDay);
        // Month ends and leap days are where calendars go wrong: generate them often.
        Arbitrary<LocalDate> monthEnds = Arbitraries.integers().between(1900, 2100)
                .flatMap(y -> Arbitraries.integers().between(1, 12).map(m -> LocalDate.of(y, m, monthLength(y, m))));
        Arbitrary<LocalDate> late = Arbitraries.integers().between(1900, 2100).flatMap(y -> Arbitraries.integers()
                .between(1, 12).flatMap(m -> Arbitraries.integers().between(28, monthLength(y, m))
                        .map(d -> LocalDate.of(y, m, d))));
        Arbitrary<LocalDate> leapDays = Arbitraries.integers().between(475, 525).map(q -> q * 4)
                .filter(MilestoneMathPropertiesTest::leapInt).map(y -> LocalDate.of(y, 2, 29));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(2, monthEnds),
                net.jqwik.api.Tuple.of(2, late), net.jqwik.api.Tuple.of(2, leapDays));
    }

    private static boolean leapInt(int y) {
        return leap(y);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago",
                "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "Asia/Kathmandu")
                .map(ZoneId::of);
    }

    // ---- properties ------------------------------------------------------------------------------------------

    @Property(tries = 500)
    void monthMilestonesMatchTheClampedCalendar(@ForAll("cleanDates") LocalDate clean,
                                                @ForAll @IntRange(min = 1, max = 1200) int months) {
        long[] expected = addMonths(clean.getYear(), clean.getMonthValue(), clean.getDayOfMonth(), months);
        assertThat(Milestone.months(months).dateFrom(clean)).isEqualTo(date(expected));
    }

    @Property(tries = 500)
    void yearMilestonesMatchTheClampedCalendar(@ForAll("cleanDates") LocalDate clean,
                                               @ForAll @IntRange(min = 1, max = 100) int years) {
        long[] expected = addMonths(clean.getYear(), clean.getMonthValue(), clean.getDayOfMonth(), years * 12L);
        assertThat(Milestone.years(years).dateFrom(clean)).isEqualTo(date(expected));
    }

    @Property(tries = 500)
    void dayMilestonesFallOnDayN(@ForAll("cleanDates") LocalDate clean, @ForAll @IntRange(min = 1, max = 36500) int n) {
        long cleanDay = daysFromCivil(clean.getYear(), clean.getMonthValue(), clean.getDayOfMonth());
        LocalDate on = Milestone.days(n).dateFrom(clean);
        assertThat(date(civilFromDays(cleanDay + n - 1))).isEqualTo(on);
        assertThat(CleanTime.on(clean, on).days()).as("day N is day N").isEqualTo(n);
    }

    @Property(tries = 500)
    void cleanTimeCountsTheCleanDateAsDayOneAndAgreesWithTheCalendar(@ForAll("cleanDates") LocalDate clean,
                                                                     @ForAll @IntRange(min = 0, max = 30000) int later) {
        long cleanDay = daysFromCivil(clean.getYear(), clean.getMonthValue(), clean.getDayOfMonth());
        LocalDate today = date(civilFromDays(cleanDay + later));
        CleanTime t = CleanTime.on(clean, today);
        assertThat(t.days()).isEqualTo(later + 1L);
        // years/months/days: the clamped calendar reaches today from the clean date, and one more month would pass it.
        long whole = t.years() * 12L + t.months();
        long[] reached = addMonths(clean.getYear(), clean.getMonthValue(), clean.getDayOfMonth(), whole);
        long reachedDay = daysFromCivil(reached[0], (int) reached[1], (int) reached[2]);
        assertThat(reachedDay + t.remainingDays()).isEqualTo(cleanDay + later);
        long[] next = addMonths(clean.getYear(), clean.getMonthValue(), clean.getDayOfMonth(), whole + 1);
        assertThat(daysFromCivil(next[0], (int) next[1], (int) next[2])).isGreaterThan(cleanDay + later);
        assertThat(t.months()).isBetween(0, 11);
    }

    @Property(tries = 500)
    void todayIsTheLocalDateInTheMembersZone(@ForAll @LongRange(min = -2_208_988_800L, max = 4_102_444_800L) long second,
                                            @ForAll("zones") ZoneId zone) {
        Instant now = Instant.ofEpochSecond(second);
        long local = second + zone.getRules().getOffset(now).getTotalSeconds();
        assertThat(CleanTime.today(now, zone)).isEqualTo(date(civilFromDays(Math.floorDiv(local, 86_400))));
    }

    @Property(tries = 300)
    void nextMilestoneIsTheEarliestOnOrAfterAndNoneIsSkipped(@ForAll("cleanDates") LocalDate clean,
                                                              @ForAll @IntRange(min = 0, max = 20000) int offset) {
        LocalDate from = clean.plusDays(offset);
        for (Ladder ladder : List.of(Ladder.DEFAULT, Ladder.AA, Ladder.NA)) {
            List<Milestone> next = ladder.nextOnOrAfter(clean, from);
            assertThat(next).isNotEmpty();
            LocalDate on = next.get(0).dateFrom(clean);
            assertThat(on).isAfterOrEqualTo(from);
            next.forEach(m -> assertThat(m.dateFrom(clean)).isEqualTo(on));
            for (Milestone step : ladder.steps()) {
                LocalDate d = step.dateFrom(clean);
                assertThat(d.isBefore(from) || !d.isBefore(on)).as(step.key()).isTrue();
            }
            for (int y = 1; y <= 60; y++) {
                LocalDate d = Milestone.years(y).dateFrom(clean);
                assertThat(d.isBefore(from) || !d.isBefore(on)).as(y + "y").isTrue();
            }
        }
    }

    // ---- the stated rules, as examples ----------------------------------------------------------------------

    @Example
    void aMonthAfterTheThirtyFirstOfJanuaryIsTheLastDayOfFebruary() {
        assertThat(Milestone.months(1).dateFrom(LocalDate.of(2025, 1, 31))).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Milestone.months(1).dateFrom(LocalDate.of(2024, 1, 31))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Milestone.months(3).dateFrom(LocalDate.of(2025, 1, 31))).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(Milestone.months(6).dateFrom(LocalDate.of(2025, 8, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Milestone.months(2).dateFrom(LocalDate.of(2025, 12, 30))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Example
    void aYearAfterTheTwentyNinthOfFebruaryIsTheTwentyEighth() {
        assertThat(Milestone.years(1).dateFrom(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Milestone.years(4).dateFrom(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Milestone.months(18).dateFrom(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2025, 8, 29));
    }

    @Example
    void dayOneIsTheCleanDate() {
        LocalDate clean = LocalDate.of(2026, 3, 8);
        assertThat(CleanTime.on(clean, clean).days()).isEqualTo(1);
        assertThat(CleanTime.on(clean, clean).describe()).isEqualTo("day 1");
        assertThat(Milestone.days(1).dateFrom(clean)).isEqualTo(clean);
        assertThat(Milestone.days(30).dateFrom(clean)).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(CleanTime.on(LocalDate.of(2024, 3, 15), LocalDate.of(2026, 3, 8)).describe())
                .isEqualTo("day 724 (1 year, 11 months)");
    }
}
