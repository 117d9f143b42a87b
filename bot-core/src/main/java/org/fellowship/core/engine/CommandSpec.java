package org.fellowship.core.engine;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.fellowship.core.model.Access;
import org.fellowship.core.port.CommandMenuEntry;

/**
 * A command the bot understands. Adapters see it only as its {@link #menuEntry() menu entry}, without the handler.
 *
 * @param name        lower-case name without slash, 1-32 of {@code a-z 0-9 _}
 * @param arguments   argument synopsis shown in usage, e.g. {@code "<Area/City>"}; "" for none
 * @param description one line for menus and {@code /help}, at most 100 characters
 * @param access      who may run it
 * @param handler     what runs it
 * @param acceptsFile whether it reads a file sent with it ({@code /meetings import}): platforms whose command menus
 *                    declare options (Discord slash commands) offer an optional file there
 * @param quotesSample  which arguments are sample text the sender quotes rather than their own words ({@code /filter
 *                      test <text>}): the safety screen skips them when the sender may run the command (see
 *                      {@link #quotesSample(String)}); moderation still reads the whole text
 */
record CommandSpec(String name, String arguments, String description, Access access, CommandHandler handler,
                          boolean acceptsFile, Predicate<String> quotesSample) {
    private static final Predicate<String> NEVER = args -> false;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("command name must be 1-32 of a-z, 0-9, _: " + name);
        }
        arguments = arguments == null ? "" : arguments;
        Objects.requireNonNull(description, "description");
        if (description.isBlank() || description.length() > 100) {
            throw new IllegalArgumentException("command description must be 1-100 characters: " + name);
        }
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        quotesSample = quotesSample == null ? NEVER : quotesSample;
    }

    /** A command whose arguments are always the sender's own words. */
    public CommandSpec(String name, String arguments, String description, Access access, CommandHandler handler,
                       boolean acceptsFile) {
        this(name, arguments, description, access, handler, acceptsFile, NEVER);
    }

    /** A command that takes no file. */
    public CommandSpec(String name, String arguments, String description, Access access, CommandHandler handler) {
        this(name, arguments, description, access, handler, false, NEVER);
    }

    /** Whether these arguments are quoted sample text (never the sender's own words). */
    public boolean quotesSample(String args) {
        return quotesSample.test(args);
    }

    /** What a platform's command menu shows of this command. */
    public CommandMenuEntry menuEntry() {
        return new CommandMenuEntry(name, arguments, description, access, acceptsFile);
    }

    /** e.g. {@code /timezone <Area/City>} */
    public String usage() {
        return arguments.isEmpty() ? "/" + name : "/" + name + " " + arguments;
    }
}
