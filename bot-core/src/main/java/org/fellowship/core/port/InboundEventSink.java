package org.fellowship.core.port;

import org.fellowship.core.event.InboundEvent;

/**
 * Where adapters hand inbound events to the core. Implemented by the engine.
 *
 * <p><b>Threading:</b> callable from any number of adapter threads at once; returns quickly after queueing. Events of
 * one conversation are handled one at a time in arrival order; different conversations run in parallel. When the
 * engine is saturated the call blocks until there is room (back-pressure on the adapter, never a dropped event).
 * <b>Nullness:</b> the event must not be {@code null}. <b>Failure:</b> never throws because handling failed;
 * handling errors are logged by event id and answered in chat with a short message, never a stack trace. Throws
 * {@link IllegalStateException} only after {@code close()} of the engine.
 */
public interface InboundEventSink {

    /** Queues an event for handling. Duplicates (same platform and event id) are dropped. */
    void accept(InboundEvent event);
}
