package org.fellowship.core.milestone;

import java.util.Locale;
import java.util.Optional;

/** Which milestone ladder a member follows. */
public enum LadderChoice {
    /** 1, 30, 60, 90 days; 6 and 9 months; 1 year; 18 months; then every year. */
    DEFAULT,
    /** AA-chip style: 24 hours, 1, 2, 3, 6 and 9 months, 1 year, 18 months, then every year. */
    AA,
    /** NA key-tag style: 1, 30, 60, 90 days, 6 and 9 months, 1 year, 18 months, then multiple years (yearly). */
    NA,
    /** The community's custom ladder, set by its moderators (plus every year). */
    CUSTOM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LadderChoice> parse(String text) {
        for (LadderChoice c : values()) {
            if (c.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
