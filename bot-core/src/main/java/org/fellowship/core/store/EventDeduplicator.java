package org.fellowship.core.store;

import java.time.Duration;

/**
 * Remembers which inbound events were already handled, so redelivered events (webhook retries, reconnects, two
 * instances receiving the same update) run once.
 *
 * <p><b>Threading:</b> thread-safe and atomic across instances sharing a store. <b>Nullness:</b> arguments non-null.
 * <b>Failure:</b> a store outage throws {@link StoreUnavailableException}; the engine then handles the event
 * anyway (a rare duplicate beats a lost crisis message).
 */
public interface EventDeduplicator {

    /**
     * Records the key if it is new.
     *
     * @param key event key (platform code plus event id)
     * @param ttl how long to remember it
     * @return {@code true} the first time a key is seen within {@code ttl}, {@code false} afterwards
     */
    boolean firstSeen(String key, Duration ttl);
}
