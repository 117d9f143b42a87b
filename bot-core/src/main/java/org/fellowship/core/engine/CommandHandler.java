package org.fellowship.core.engine;

/**
 * Runs one command. Throw {@link org.fellowship.core.command.UsageException} for bad arguments; the engine answers
 * with its message and the command's usage.
 */
@FunctionalInterface
public interface CommandHandler {
    void handle(Turn turn, String arguments);
}
