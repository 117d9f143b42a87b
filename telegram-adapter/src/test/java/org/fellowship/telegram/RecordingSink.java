package org.fellowship.telegram;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.port.InboundEventSink;
import org.fellowship.core.testkit.Eventually;

/** Records accepted events; drops duplicates by dedupe key like the engine does. Thread-safe. */
final class RecordingSink implements InboundEventSink {
    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Override
    public synchronized void accept(InboundEvent event) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (!keys.contains(event.dedupeKey())) {
            keys.add(event.dedupeKey());
            events.add(event);
        }
    }

    void close() {
        closed = true;
    }

    List<InboundEvent> events() {
        return List.copyOf(events);
    }

    /** Waits (see {@link Eventually}) until {@code count} events arrived; returns all of them. */
    List<InboundEvent> await(int count) {
        Eventually.until(count + " events (got " + events.size() + ")", () -> events.size() >= count);
        return events();
    }
}
