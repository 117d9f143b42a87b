package org.fellowship.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.port.CommandMenuEntry;

/** Every command the bot knows, in registration order. Filled once at start-up, read concurrently afterwards. */
public final class CommandRegistry {
    private final Map<String, CommandSpec> commands = new LinkedHashMap<>();

    synchronized void register(CommandSpec spec) {
        if (commands.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalStateException("command /" + spec.name() + " is registered twice");
        }
    }

    /** Finds a command; a typed '-' matches the registered '_' ({@code /help-now} is {@code /help_now}). */
    synchronized Optional<CommandSpec> find(String name) {
        return Optional.ofNullable(commands.get(name.replace('-', '_')));
    }

    /** All commands, in registration order. */
    synchronized List<CommandSpec> all() {
        return Collections.unmodifiableList(new ArrayList<>(commands.values()));
    }

    /** Whether a command of this name is registered ({@code /help-now} is {@code /help_now}). */
    public boolean knows(String name) {
        return find(name).isPresent();
    }

    /** Every command as platforms' command menus show it, in registration order. */
    public synchronized List<CommandMenuEntry> menu() {
        return commands.values().stream().map(CommandSpec::menuEntry).toList();
    }

    public synchronized List<String> names() {
        return List.copyOf(commands.keySet());
    }
}
