package org.fellowship.core.engine;

/** A bundle of commands, button handlers, listeners and scheduled work, installed once at start-up. */
@FunctionalInterface
public interface Feature {
    void install(FeatureRegistry registry, BotContext context);
}
