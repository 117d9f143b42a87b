package org.fellowship.core.engine;


/** Runs one command. Throw {@link UsageException} for bad arguments; the router answers with the usage text. */
@FunctionalInterface
public interface CommandHandler {
    void handle(Turn turn, String arguments);
}
