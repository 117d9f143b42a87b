package org.fellowship.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits long text into chunks no longer than a platform's limit, preferring paragraph, then line, then word
 * boundaries, and never cutting a surrogate pair in half.
 */
public final class MessageSplitter {
    private MessageSplitter() {
    }

    /**
     * @param text  any text
     * @param limit maximum chunk length in UTF-16 chars (at least 2)
     * @return one or more chunks; joining them (modulo the whitespace at the cut points) gives the text back
     */
    public static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2");
        }
        List<String> chunks = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = cutPoint(rest, limit);
            String head = rest.substring(0, cut).stripTrailing();
            if (!head.isEmpty()) {
                chunks.add(head);
            }
            rest = stripLeadingNewlines(rest.substring(cut));
        }
        if (!rest.isEmpty() || chunks.isEmpty()) {
            chunks.add(rest);
        }
        return chunks;
    }

    private static int cutPoint(String text, int limit) {
        int minimum = limit / 2; // do not make absurdly short chunks just to hit a boundary
        int paragraph = text.lastIndexOf("\n\n", limit - 1);
        if (paragraph >= minimum) {
            return paragraph + 1;
        }
        int line = text.lastIndexOf('\n', limit - 1);
        if (line >= minimum) {
            return line + 1;
        }
        int space = text.lastIndexOf(' ', limit - 1);
        if (space >= minimum) {
            return space + 1;
        }
        int hard = limit;
        if (Character.isHighSurrogate(text.charAt(hard - 1))) {
            hard--;
        }
        return hard;
    }

    private static String stripLeadingNewlines(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == ' ')) {
            i++;
        }
        return s.substring(i);
    }
}
