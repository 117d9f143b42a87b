package org.fellowship.core.command;

import java.util.Optional;

/** Reading {@code on} or {@code off}, in any case, as members switch a setting. */
public final class OnOff {
    private OnOff() {
    }

    /** {@code true} for on, {@code false} for off; empty when the value is neither. */
    public static Optional<Boolean> read(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase("on")) {
            return Optional.of(true);
        }
        if (v.equalsIgnoreCase("off")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /**
     * On or off; anything else is a {@link UsageException} saying {@code "Say on or off, e.g. <example>."}.
     *
     * @param example the whole command written the right way, such as {@code /checkin nudges off}
     */
    public static boolean parse(String value, String example) {
        return read(value).orElseThrow(() -> new UsageException("Say on or off, e.g. " + example + "."));
    }
}
