package org.fellowship.core.testkit;

import java.util.List;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.store.CommunityStateMover;

/**
 * The in-memory counterpart of the one move step over Redis: each fake moves what it holds under the old id (over
 * Redis most of it moves with the community's keys), and the moderators' channel, a chat the mentor store keeps,
 * follows the group through the store's own port, like the Redis step.
 */
public final class InMemoryCommunityMove implements CommunityStateMover {
    private final MentorStore mentors;
    private final List<CommunityStateMover> fakes;

    /** @param mentors whose moderators' channel follows the group, or {@code null} */
    public InMemoryCommunityMove(MentorStore mentors, CommunityStateMover... fakes) {
        this.mentors = mentors;
        this.fakes = List.of(fakes);
    }

    @Override
    public int move(CommunityId from, CommunityId to) {
        int moved = 0;
        for (CommunityStateMover fake : fakes) {
            moved += fake.move(from, to);
        }
        ConversationId channel = mentors == null ? null : mentors.moderatorsChannel(from.platform()).orElse(null);
        if (channel != null && !channel.renumbered(from, to).equals(channel)) {
            mentors.setModeratorsChannel(from.platform(), channel.renumbered(from, to));
            moved++;
        }
        return moved;
    }
}
