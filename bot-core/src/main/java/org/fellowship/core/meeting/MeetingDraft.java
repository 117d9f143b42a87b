package org.fellowship.core.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;

/**
 * A moderator's guided {@code /meetings add} in progress: the community the meeting is for and the answers so far, in
 * {@link MeetingForm}'s field order. The store keeps it as a list of strings (platform code, community id, then the
 * answers): {@link #stored()} and {@link #fromStored} convert, so that stored form stays as it was.
 *
 * @param platformCode  the community's platform code as stored
 * @param communityCode the community's id within its platform
 * @param answers       the answers given so far, one per question asked
 */
record MeetingDraft(String platformCode, String communityCode, List<String> answers) {
    MeetingDraft {
        answers = List.copyOf(answers);
    }

    /** A draft with no answers yet. */
    static MeetingDraft start(CommunityId community) {
        return new MeetingDraft(community.platform().code(), community.value(), List.of());
    }

    /** Reads the stored form; a list too short to name a community reads as a damaged draft (no community). */
    static MeetingDraft fromStored(List<String> stored) {
        if (stored.size() < 2) {
            return new MeetingDraft("", "", List.of());
        }
        return new MeetingDraft(stored.get(0), stored.get(1), stored.subList(2, stored.size()));
    }

    List<String> stored() {
        List<String> stored = new ArrayList<>(2 + answers.size());
        stored.add(platformCode);
        stored.add(communityCode);
        stored.addAll(answers);
        return stored;
    }

    /** The community, or empty when the stored platform code is not one this bot knows (a damaged draft). */
    Optional<CommunityId> community() {
        Platform platform = MeetingLookup.platform(platformCode);
        return platform == null ? Optional.empty() : Optional.of(new CommunityId(platform, communityCode));
    }

    /** This draft with one more answer. */
    MeetingDraft answered(String answer) {
        List<String> more = new ArrayList<>(answers);
        more.add(answer);
        return new MeetingDraft(platformCode, communityCode, more);
    }

    /** The answers as {@link MeetingForm#parse}'s fields. */
    String[] fields() {
        return answers.toArray(String[]::new);
    }
}
