package org.fellowship.core.safety;

import java.util.Comparator;
import java.util.List;

/**
 * The minimum context a crisis alert carries to the mentor it pages: a short excerpt of the message that
 * was flagged and a link to it. Taken only after the member says yes to a mentor, and told to them in the offer; kept
 * with the alert and expiring with it, never logged.
 *
 * @param excerpt at most {@link #MAX_EXCERPT} characters of the member's message around the strongest evidence,
 *                control and invisible characters removed, {@code null} when there is no text
 * @param link    a link to the message that mentors in the group can open, or {@code null} (direct chats, platforms
 *                without message links)
 */
public record AlertContext(String excerpt, String link) {
    public static final int MAX_EXCERPT = 160;

    public AlertContext {
        excerpt = excerpt == null || excerpt.isBlank() ? null : excerpt;
        link = link == null || link.isBlank() ? null : link;
    }

    /** No excerpt and no link (the member asked directly). */
    public static final AlertContext NONE = new AlertContext(null, null);

    /**
     * The excerpt of {@code text} around the strongest {@code evidence} (spans into {@code text}), cut at word
     * boundaries, with an ellipsis where it was cut.
     */
    public static AlertContext of(String text, List<Evidence> evidence, String link) {
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
