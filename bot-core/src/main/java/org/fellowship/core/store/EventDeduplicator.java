package org.fellowship.core.store;

import java.time.Duration;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.port.StoreUnavailableException;

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

    /**
     * What {@link #admit} found: whether the event is new and, when asked for, the actor's stored profile
     * ({@code null} when it was not asked for; empty when the actor has none).
     */
    record Admission(boolean firstSeen, Optional<MemberProfile> profile) {
        public static final Admission DUPLICATE = new Admission(false, null);
    }

    /**
     * Records the event like {@link #firstSeen} and, for a new event whose handling will need it, reads the actor's
     * profile in the same step (one round trip instead of two for commands and button presses). Keys of the same
     * event always go through the same method, so a store may keep them apart from {@link #firstSeen}'s.
     *
     * @param actor       whose event it is
     * @param withProfile whether to read the actor's profile too
     * @param profiles    the profile store to read from when this store cannot combine the two
     */
    default Admission admit(String key, Duration ttl, ChatUserId actor, boolean withProfile,
                            MemberProfileStore profiles) {
        if (!firstSeen(key, ttl)) {
            return Admission.DUPLICATE;
        }
        return new Admission(true, withProfile ? profiles.find(actor) : null);
    }
}
