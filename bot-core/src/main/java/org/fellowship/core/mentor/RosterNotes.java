package org.fellowship.core.mentor;

import java.util.List;
import java.util.Optional;
import org.fellowship.core.alert.MentorNotes;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;

/** Check-ins' path to the roster: a mentor a member named, and a private note to them. */
final class RosterNotes implements MentorNotes {
    private final MentorStore store;
    private final AlertMessenger messenger;

    RosterNotes(MentorStore store, AlertMessenger messenger) {
        this.store = store;
        this.messenger = messenger;
    }

    /** A roster mentor by platform id or name (any case, leading {@code @} ignored), for check-in risk signals. */
    @Override
    public Optional<RosterMentor> findMentor(Platform platform, String nameOrId) {
        String wanted = nameOrId.strip().replaceFirst("^@", "");
        for (Mentor m : store.mentors()) {
            if (m.id().platform() == platform && (m.id().value().equals(wanted)
                    || m.name() != null && m.name().replaceFirst("^@", "").equalsIgnoreCase(wanted))) {
                return Optional.of(new RosterMentor(m.id(), m.name() == null ? m.id().value() : m.name()));
            }
        }
        return Optional.empty();
    }

    /** A check-in risk note to one mentor: the same private, urgent DM path the escalation alerts use. */
    @Override
    public void notifyMentor(ChatUserId mentor, String text) {
        messenger.dm(mentor, text, List.of());
    }
}
