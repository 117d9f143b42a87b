package org.fellowship.moderation;

import java.util.Locale;

/** How far a rule goes when it fires. New rules start in {@link #LOG_ONLY}, so a moderator sees it work first. */
public enum RuleMode {
    /** The rule is kept but never evaluated. */
    OFF("off"),
    /** A firing only lands in the case log and the mod-log channel. */
    LOG_ONLY("log"),
    /** Moderators get the case with Approve / Dismiss buttons; nothing happens to the member until they approve. */
    REVIEW_FIRST("review"),
    /** The rule's action runs at once. */
    ENFORCE("enforce");

    private final String word;

    RuleMode(String word) {
        this.word = word;
    }

    /** The word moderators type ({@code off}, {@code log}, {@code review}, {@code enforce}). */
    public String word() {
        return word;
    }

    /** Parses a typed mode (also the enum names, e.g. {@code log_only}); {@code null} when unknown. */
    public static RuleMode parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (RuleMode m : values()) {
            if (m.word.equals(t) || m.name().toLowerCase(Locale.ROOT).equals(t)) {
                return m;
            }
        }
        return null;
    }
}
