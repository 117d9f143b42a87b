package org.fellowship.core.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.outbound.Button;

/**
 * The numbers a member types instead of pressing buttons, where a platform (or the console) shows none.
 *
 * <p>The number a member types is always the number shown beside the choice. When every label is itself a whole
 * number (a mood 1-5 or a craving 0-10 scale), the label is the number to type, so typing "8" picks the button
 * labelled 8 and never its neighbour; otherwise the choices are numbered 1..n in order.
 *
 * <p>Stored form: one entry per choice, {@code "<number> <token>"} (tokens never contain a space).
 */
final class NumberedChoices {
    /** Longest number a member can type to pick a choice. */
    static final int MAX_DIGITS = 3;

    private final List<Integer> numbers;
    private final List<Button> buttons;

    private NumberedChoices(List<Integer> numbers, List<Button> buttons) {
        this.numbers = numbers;
        this.buttons = buttons;
    }

    /** The numbering of these buttons: their own values when all are distinct whole numbers, else 1..n. */
    static NumberedChoices of(List<Button> buttons) {
        List<Integer> values = labelValues(buttons);
        if (values == null) {
            values = new ArrayList<>(buttons.size());
            for (int i = 0; i < buttons.size(); i++) {
                values.add(i + 1);
            }
        }
        return new NumberedChoices(List.copyOf(values), List.copyOf(buttons));
    }

    /** {@code true} when the labels are the numbers themselves (a scale): they are listed in one line. */
    boolean scale() {
        for (int i = 0; i < buttons.size(); i++) {
            if (!buttons.get(i).label().strip().equals(String.valueOf(numbers.get(i)))) {
                return false;
            }
        }
        return !buttons.isEmpty();
    }

    /** The text appended to the message: how to answer and, unless the labels are the numbers, the list. */
    String prompt() {
        StringBuilder text = new StringBuilder();
        if (scale()) {
            text.append("\n\nReply with a number: ").append(range());
            return text.toString();
        }
        text.append("\n\nReply with a number:");
        for (int i = 0; i < buttons.size(); i++) {
            text.append('\n').append(numbers.get(i)).append(". ").append(buttons.get(i).label());
        }
        return text.toString();
    }

    /** The entries to store, one per choice. */
    List<String> entries() {
        List<String> out = new ArrayList<>(buttons.size());
        for (int i = 0; i < buttons.size(); i++) {
            out.add(numbers.get(i) + " " + buttons.get(i).token());
        }
        return out;
    }

    /** The numbers on offer, for a hint ("0-10", or "1, 3, 5"). */
    private String range() {
        int min = numbers.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = numbers.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (max - min + 1 == numbers.size() && numbers.size() > 2) {
            return min + "-" + max;
        }
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }

    /**
     * The token a typed number picks from stored entries, or empty when no choice has that number. Entries stored
     * before numbers were kept (a bare token) count 1..n in order.
     */
    static Optional<String> pick(List<String> entries, int typed) {
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int cut = entry.indexOf(' ');
            int number = cut < 0 ? i + 1 : parse(entry.substring(0, cut));
            if (number == typed) {
                return Optional.of(cut < 0 ? entry : entry.substring(cut + 1));
            }
        }
        return Optional.empty();
    }

    /** The numbers on offer in stored entries, for the hint after a number that picks nothing. */
    static String offered(List<String> entries) {
        List<Integer> numbers = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            int cut = entries.get(i).indexOf(' ');
            numbers.add(cut < 0 ? i + 1 : parse(entries.get(i).substring(0, cut)));
        }
        List<Button> placeholders = new ArrayList<>();
        for (Integer n : numbers) {
            placeholders.add(new Button(String.valueOf(n), "x"));
        }
        return new NumberedChoices(numbers, placeholders).range();
    }

    private static List<Integer> labelValues(List<Button> buttons) {
        if (buttons.isEmpty()) {
            return null;
        }
        List<Integer> values = new ArrayList<>(buttons.size());
        Set<Integer> seen = new HashSet<>();
        for (Button button : buttons) {
            String label = button.label().strip();
            if (label.isEmpty() || label.length() > MAX_DIGITS || !label.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(label);
            if (!seen.add(value)) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
