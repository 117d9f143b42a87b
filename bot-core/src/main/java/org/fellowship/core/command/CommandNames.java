package org.fellowship.core.command;

/**
 * Command names as every text writes them. Telegram command names may hold only letters, digits and "_", and a
 * tapped "/help-now" sends "/help": so texts say {@code /help_now}, which every platform accepts as typed.
 */
public final class CommandNames {
    /** Crisis lines and a mentor, now. */
    public static final String HELP_NOW = "/help_now";

    private CommandNames() {
    }
}
