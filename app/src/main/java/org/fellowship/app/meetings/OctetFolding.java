package org.fellowship.app.meetings;

/**
 * Folds iCalendar content lines at 75 octets of UTF-8, as RFC 5545 section 3.1 asks, never inside a character.
 * ical4j folds at 75 characters, so a line with accented, CJK or emoji text can exceed 75 octets; its output is
 * unfolded here and folded again. Stateless.
 */
final class OctetFolding {
    /** Longest content line, in octets, not counting the line break. */
    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private OctetFolding() {
    }

    /** The same calendar with every content line folded at {@link #MAX_OCTETS} octets. */
    static String refold(String ics) {
        String unfolded = unfold(ics);
        StringBuilder out = new StringBuilder(ics.length() + ics.length() / 32);
        int from = 0;
        while (from < unfolded.length()) {
            int end = unfolded.indexOf(CRLF, from);
            if (end < 0) {
                end = unfolded.length();
            }
            fold(unfolded.substring(from, end), out);
            out.append(CRLF);
            from = end + CRLF.length();
        }
        return out.toString();
    }

    /** Joins folded lines: a line break followed by one space or tab continues the line before it. */
    static String unfold(String ics) {
        return ics.replaceAll("\r\n[ \t]", "");
    }

    private static void fold(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Octets(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1; // the leading space of a continuation line counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
