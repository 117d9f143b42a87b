package org.fellowship.moderation;

/**
 * The minimal excerpt a case keeps: the matched span with a little context, capped, and never the whole message
 * (unless the match itself is the whole message). Line breaks become spaces.
 */
final class Excerpt {
    /** Characters of context on each side. */
    static final int CONTEXT = 12;
    /** The longest excerpt kept. */
    static final int MAX = 60;

    private Excerpt() {
    }

    /** The excerpt around {@code [start, end)} of {@code text}; "" when there is no span. */
    static String of(String text, int start, int end) {
        if (text == null || end <= start || start < 0 || end > text.length()) {
            return "";
        }
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(text.length(), end + CONTEXT);
        if (from == 0 && to == text.length() && (start > 0 || end < text.length())) {
            // Context would show the whole message: keep only the match itself.
            from = start;
            to = end;
        }
        String cut = text.substring(from, to);
        if (cut.length() > MAX) {
            cut = cut.substring(0, MAX - 1) + "…";
        }
        return (from > 0 ? "…" : "") + cut.replace('\n', ' ').replace('\r', ' ') + (to < text.length() ? "…" : "");
    }
}
