package org.fellowship.core.engine;

import java.util.function.Predicate;
import org.fellowship.core.event.InboundEvent;

/**
 * Hands work that finished elsewhere (a crisis verdict from the semantic stage) back to the engine for the event it
 * is about: the work runs as a new {@link Turn} of that event on the conversation's own queue, after what is queued
 * there now, so one conversation's events still run one at a time and in order. The event is not de-duplicated or
 * moderated again.
 */
public final class Resumer {
    private volatile Engine engine;

    void bind(Engine value) {
        this.engine = value;
    }

    /**
     * Queues {@code work} for {@code event}'s conversation. When it returns {@code true} the turn counts as flagged:
     * moderation is told, so the message is protected from manual actions like any flagged one.
     *
     * @param text the text the work is about (moderation's protection is keyed on the message, never the text)
     */
    public void resume(InboundEvent event, String text, Predicate<Turn> work) {
        Engine bound = engine;
        if (bound == null) {
            throw new IllegalStateException("the engine is not built yet");
        }
        bound.resume(event, text, work);
    }
}
