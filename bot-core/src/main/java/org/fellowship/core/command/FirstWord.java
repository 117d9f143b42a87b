package org.fellowship.core.command;

import java.util.Locale;

/**
 * A command's arguments split at the first run of whitespace, the way every subcommand and leading value is read:
 * {@code "import  https://x "} is the word {@code import} and the rest {@code https://x}.
 *
 * @param word the first word as typed, without whitespace; "" when there are no arguments
 * @param rest everything after it, stripped; "" when there is nothing more
 */
public record FirstWord(String word, String rest) {

    public static FirstWord of(String arguments) {
        String[] parts = arguments.strip().split("\\s+", 2);
        return new FirstWord(parts[0], parts.length > 1 ? parts[1].strip() : "");
    }

    /** The word in lower case, as subcommands are matched. */
    public String key() {
        return word.toLowerCase(Locale.ROOT);
    }
}
