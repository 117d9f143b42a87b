package org.fellowship.core.command;

/** Quoting back what a member typed without echoing a whole essay or breaking the answer's lines. */
public final class Clip {
    private Clip() {
    }

    /** {@code typed} on one line (each run of whitespace one space), cut to {@code max} characters with "...". */
    public static String typed(String typed, int max) {
        String oneLine = typed.strip().replaceAll("\\s+", " ");
        return oneLine.length() > max ? oneLine.substring(0, max) + "..." : oneLine;
    }
}
