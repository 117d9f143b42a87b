package org.fellowship.core.model;

import java.util.Locale;

/** The chat platforms Fellowship speaks to. {@link #code()} is the short, stable prefix used in keys. */
public enum Platform {
    DISCORD("dc"),
    TELEGRAM("tg");

    private final String code;

    Platform(String code) {
        this.code = code;
    }

    /** Two-letter code used in storage keys and hash tags; never changes once data exists. */
    public String code() {
        return code;
    }

    /** Parses {@code "telegram"} / {@code "discord"} (any case). */
    public static Platform parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown platform '" + name + "' (expected telegram or discord)");
        }
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
