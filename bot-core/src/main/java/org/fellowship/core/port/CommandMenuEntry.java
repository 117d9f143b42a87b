package org.fellowship.core.port;

import java.util.Objects;
import org.fellowship.core.model.Access;

/**
 * A command as a platform's own menu shows it (Telegram's command list, Discord's slash commands): what an adapter
 * publishes at start-up, without the code that runs it. The core still checks access on every call; the menu only
 * decides where the platform offers the command.
 *
 * @param name        lower-case name without slash
 * @param arguments   argument synopsis, e.g. {@code "<Area/City>"}; "" for none
 * @param description one line, at most 100 characters
 * @param access      who may run it
 * @param acceptsFile whether it reads a file sent with it (menus that declare options offer an optional file)
 */
public record CommandMenuEntry(String name, String arguments, String description, Access access,
                               boolean acceptsFile) {
    public CommandMenuEntry {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(access, "access");
    }
}
