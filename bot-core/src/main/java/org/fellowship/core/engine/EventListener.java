package org.fellowship.core.engine;

/**
 * Sees events that are not commands or button presses: plain messages, edits, joins and leaves. Listeners run
 * in registration order after the safety screen and moderation.
 */
@FunctionalInterface
public interface EventListener {
    void on(Turn turn);
}
