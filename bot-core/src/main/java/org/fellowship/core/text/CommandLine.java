package org.fellowship.core.text;

import java.util.Locale;
import java.util.Optional;

/**
 * A text command as members type it: {@code /name}, {@code /name@botname}, then free arguments.
 *
 * @param name      lower-case command name
 * @param botName   the {@code @botname} suffix without '@', or {@code null}
 * @param arguments the rest of the text, trimmed
 */
public record CommandLine(String name, String botName, String arguments) {
    private static final int MAX_NAME = 32;

    /** Parses text that starts with '/', or returns empty when it is not a command. */
    public static Optional<CommandLine> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.length() < 2 || t.charAt(0) != '/') {
            return Optional.empty();
        }
        int end = 1;
        while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
            end++;
        }
        String head = t.substring(1, end);
        String args = t.substring(end).strip();
        String bot = null;
        int at = head.indexOf('@');
        if (at >= 0) {
            bot = head.substring(at + 1);
            head = head.substring(0, at);
        }
        if (head.isEmpty() || head.length() > MAX_NAME || !head.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            return Optional.empty();
        }
        return Optional.of(new CommandLine(head.toLowerCase(Locale.ROOT), bot, args));
    }
}
