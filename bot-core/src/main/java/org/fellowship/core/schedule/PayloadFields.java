package org.fellowship.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fellowship.core.model.Platform;

/**
 * The stored payload of most kinds: fields joined by one separator character ({@code |} or a tab) and read back by
 * position. A codec {@link #join}s its record's fields and {@link #split}s the text again; every reader throws
 * {@link MalformedPayload} naming the field's position, never its text.
 */
public final class PayloadFields {
    private final String[] fields;

    private PayloadFields(String[] fields) {
        this.fields = fields;
    }

    /** The fields joined by {@code separator}, as they were always stored (a field is not checked or escaped). */
    public static String join(char separator, String... fields) {
        return String.join(String.valueOf(separator), fields);
    }

    /** Splits {@code text} at every {@code separator} (empty fields kept) and expects exactly {@code count} fields. */
    public static PayloadFields split(String text, char separator, int count) {
        return split(text, separator, count, count);
    }

    /** Splits {@code text} at every {@code separator} (empty fields kept) and expects {@code min} to {@code max}. */
    public static PayloadFields split(String text, char separator, int min, int max) {
        String[] fields = text.split(Pattern.quote(String.valueOf(separator)), -1);
        if (fields.length < min || fields.length > max) {
            throw new MalformedPayload(min == max ? "expected " + min + " fields, found " + fields.length
                    : "expected " + min + " to " + max + " fields, found " + fields.length);
        }
        return new PayloadFields(fields);
    }

    /** How many fields there are. */
    public int size() {
        return fields.length;
    }

    /** Field {@code i} as it is. */
    public String text(int i) {
        return fields[i];
    }

    /** Field {@code i} as an {@code int}. */
    public int integer(int i) {
        return read(i, "a whole number", Integer::parseInt);
    }

    /** Field {@code i} as a {@code long}. */
    public long number(int i) {
        return read(i, "a whole number", Long::parseLong);
    }

    /** Field {@code i} as an instant written in epoch milliseconds. */
    public Instant epochMillis(int i) {
        return Instant.ofEpochMilli(number(i));
    }

    /** Field {@code i} as an ISO date ({@code 2026-03-08}). */
    public LocalDate date(int i) {
        return read(i, "a date", LocalDate::parse);
    }

    /** Field {@code i} as a platform written as its {@link Platform#code() code} ({@code tg}). */
    public Platform platformCode(int i) {
        return read(i, "a platform code", code -> {
            for (Platform p : Platform.values()) {
                if (p.code().equals(code)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("no such platform code");
        });
    }

    /** Field {@code i} as a platform written as its name in any case ({@code telegram}, {@code TELEGRAM}). */
    public Platform platformName(int i) {
        return read(i, "a platform name", Platform::parse);
    }

    /** A failure to read field {@code i}, saying what it should have been. */
    public MalformedPayload malformed(int i, String expected) {
        return new MalformedPayload("field " + (i + 1) + " is not " + expected);
    }

    /** Field {@code i} read by {@code parser}; whatever it throws becomes a {@link MalformedPayload}. */
    private <T> T read(int i, String expected, Function<String, T> parser) {
        try {
            return parser.apply(fields[i]);
        } catch (RuntimeException e) {
            throw malformed(i, expected);
        }
    }
}
