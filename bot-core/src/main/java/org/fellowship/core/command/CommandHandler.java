package org.fellowship.core.command;

import org.fellowship.core.engine.Turn;

/** Runs one command. Throw {@link UsageException} for bad arguments; the router answers with the usage text. */
@FunctionalInterface
public interface CommandHandler {
    void handle(Turn turn, String arguments);
}
