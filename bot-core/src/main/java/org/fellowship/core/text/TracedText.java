package org.fellowship.core.text;

import java.util.Arrays;

/**
 * The normaliser's working text: it grows a character at a time and remembers, for each character, the index of the
 * input character it came from, so evidence found in the normalised text can point back into the original message.
 */
final class TracedText {
    final StringBuilder sb;
    int[] src;

    TracedText() {
        this(16);
    }

    TracedText(int capacity) {
        sb = new StringBuilder(Math.max(16, capacity));
        src = new int[Math.max(16, capacity)];
    }

    void add(char c, int source) {
        if (sb.length() == src.length) {
            src = Arrays.copyOf(src, src.length * 2);
        }
        src[sb.length()] = source;
        sb.append(c);
    }

    int length() {
        return sb.length();
    }

    char at(int i) {
        return sb.charAt(i);
    }

    int[] trimmedSources() {
        return Arrays.copyOf(src, sb.length());
    }
}
