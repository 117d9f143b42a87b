package org.fellowship.core.safety;

import java.util.Comparator;
import java.util.List;
import org.fellowship.core.alert.AlertContext;

/**
 * The few words of a flagged message a mentor sees: cut around the detector's strongest evidence, with invisible and
 * control characters removed, never logged.
 */
final class FlaggedExcerpt {
    private static final int MAX_EXCERPT = AlertContext.MAX_EXCERPT;

    private FlaggedExcerpt() {
    }

    /**
     * The excerpt of {@code text} around the strongest {@code evidence} (spans into {@code text}), cut at word
     * boundaries, with an ellipsis where it was cut, and the link to the message.
     */
    static AlertContext of(String text, List<Evidence> evidence, String link) {
        return new AlertContext(excerpt(text, evidence), link);
    }

    static String excerpt(String text, List<Evidence> evidence) {
        if (text == null) {
            return null;
        }
        // Cut the window on the original text (evidence spans point into it), then clean only the window.
        int centre = evidence.stream().filter(e -> e.start() >= 0 && e.end() <= text.length())
                .max(Comparator.comparingDouble(Evidence::effectiveWeight))
                .map(e -> (e.start() + e.end()) / 2).orElse(0);
        int window = MAX_EXCERPT * 2; // room for whitespace and invisible characters the clean-up removes
        int from = Math.max(0, Math.min(centre - window / 2, text.length() - window));
        int to = Math.min(text.length(), from + window);
        String cleaned = clean(text.substring(from, to));
        boolean cutStart = from > 0;
        boolean cutEnd = to < text.length();
        if (cleaned.length() > MAX_EXCERPT) {
            // keep the evidence near the middle: its place in the raw window, scaled to the cleaned one
            double place = to == from ? 0 : (double) (centre - from) / (to - from);
            int start = (int) Math.max(0, Math.min(Math.round(place * cleaned.length()) - MAX_EXCERPT / 2,
                    cleaned.length() - MAX_EXCERPT));
            int end = start + MAX_EXCERPT;
            cutStart |= start > 0;
            cutEnd |= end < cleaned.length();
            cleaned = cleaned.substring(start, end);
        }
        if (cutStart) {
            int space = cleaned.indexOf(' ');
            cleaned = "\u2026" + (space >= 0 && space < 20 ? cleaned.substring(space + 1) : cleaned);
        }
        if (cutEnd) {
            int space = cleaned.lastIndexOf(' ');
            cleaned = (space > cleaned.length() - 20 ? cleaned.substring(0, space) : cleaned) + "\u2026";
        }
        return cleaned.isBlank() ? null : cleaned.strip();
    }

    /** Removes control, format (zero-width, bidi overrides) and unpaired surrogate characters; one space between words. */
    private static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || type == Character.CONTROL) {
                space = out.length() > 0;
                continue;
            }
            if (type == Character.FORMAT || Character.isSurrogate(c) && !pairedAt(raw, i)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
