package org.fellowship.core.engine;

import org.fellowship.core.store.ButtonAction;

/** Handles presses of buttons whose {@link ButtonAction#handler()} names it. */
@FunctionalInterface
public interface ButtonHandler {
    void pressed(Turn turn, ButtonAction action);
}
