package org.fellowship.core.alert;

import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;

/**
 * The escalation feature's path to mentors, as check-ins use it: look a mentor up on the community's roster and send
 * them a private, minimal note.
 *
 * <p><b>Threading:</b> thread-safe. <b>Nullness:</b> arguments non-null; results never {@code null}.
 * <b>Failure:</b> store outages surface as {@link org.fellowship.core.port.StoreUnavailableException}; a note that
 * cannot be delivered is logged by the implementation and not retried.
 */
public interface MentorNotes {
    /** A mentor on the roster. */
    record RosterMentor(ChatUserId id, String name) {
    }

    /** The roster mentor whose platform id or name (any case, a leading {@code @} ignored) is {@code nameOrId}. */
    Optional<RosterMentor> findMentor(Platform platform, String nameOrId);

    /** Sends {@code text} privately to the mentor (never to a group). */
    void notifyMentor(ChatUserId mentor, String text);

    /** No roster: nobody can be named. */
    MentorNotes NONE = new MentorNotes() {
        @Override
        public Optional<RosterMentor> findMentor(Platform platform, String nameOrId) {
            return Optional.empty();
        }

        @Override
        public void notifyMentor(ChatUserId mentor, String text) {
        }
    };
}
