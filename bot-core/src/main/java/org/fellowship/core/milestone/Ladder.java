package org.fellowship.core.milestone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A milestone ladder: explicit steps plus every whole year ("then every year"), which every ladder has.
 *
 * @param name  shown to members, e.g. "AA chips"
 * @param steps the explicit milestones, sorted and without duplicates
 * @param names optional names per milestone key (e.g. NA key-tag colours); may be empty
 */
record Ladder(String name, List<Milestone> steps, Map<String, String> names) {
    public static final Ladder DEFAULT = new Ladder("default", List.of(Milestone.days(1), Milestone.days(30),
            Milestone.days(60), Milestone.days(90), Milestone.months(6), Milestone.months(9), Milestone.years(1),
            Milestone.months(18)), Map.of());
    public static final Ladder AA = new Ladder("AA chips", List.of(Milestone.days(1), Milestone.months(1),
            Milestone.months(2), Milestone.months(3), Milestone.months(6), Milestone.months(9), Milestone.years(1),
            Milestone.months(18)), Map.of("1d", "24-hour chip", "1m", "1-month chip", "2m", "2-month chip",
            "3m", "3-month chip", "6m", "6-month chip", "9m", "9-month chip", "1y", "1-year medallion",
            "18m", "18-month chip"));
    public static final Ladder NA = new Ladder("NA key tags", DEFAULT.steps(), Map.of("1d", "white key tag",
            "30d", "orange key tag", "60d", "green key tag", "90d", "red key tag", "6m", "blue key tag",
            "9m", "yellow key tag", "1y", "glow-in-the-dark key tag", "18m", "grey key tag"));
    /** Most explicit steps a custom ladder may have. */
    public static final int MAX_STEPS = 30;

    public Ladder {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(new TreeSet<>(steps));
        names = names == null ? Map.of() : Map.copyOf(names);
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("a ladder has at most " + MAX_STEPS + " steps");
        }
    }

    public static Ladder custom(List<Milestone> steps) {
        return new Ladder("custom", steps, Map.of());
    }

    /** Whether {@code m} is on this ladder (an explicit step or a whole number of years). */
    public boolean contains(Milestone m) {
        return m.unit() == Milestone.Unit.YEARS || steps.contains(m);
    }

    /** The explicit steps as members read them: "1 day, 30 days, 6 months" (the yearly ones are not listed). */
    public String describeSteps() {
        return String.join(", ", steps.stream().map(Milestone::describe).toList());
    }

    /** "30 days", or "30 days (orange key tag)" when the ladder names it. */
    public String describe(Milestone m) {
        String extra = names.get(m.key());
        return extra == null ? m.describe() : m.describe() + " (" + extra + ")";
    }

    /**
     * The milestones on the earliest date on or after {@code from} (usually one; more when two steps share a date,
     * e.g. a custom 365d and 1y in a common year), in ladder order. Never empty: yearly milestones never end.
     */
    public List<Milestone> nextOnOrAfter(LocalDate cleanDate, LocalDate from) {
        List<Milestone> candidates = new ArrayList<>();
        for (Milestone m : steps) {
            if (!m.dateFrom(cleanDate).isBefore(from)) {
                candidates.add(m);
            }
        }
        int years = Math.max(1, from.getYear() - cleanDate.getYear() - 1);
        while (Milestone.years(years).dateFrom(cleanDate).isBefore(from)) {
            years++;
        }
        candidates.add(Milestone.years(years));
        LocalDate earliest = candidates.stream().map(m -> m.dateFrom(cleanDate)).min(LocalDate::compareTo)
                .orElseThrow();
        return new TreeSet<>(candidates.stream().filter(m -> m.dateFrom(cleanDate).equals(earliest)).toList())
                .stream().toList();
    }
}
