package org.fellowship.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.store.MemberDataEraser;

/**
 * A community's append-only, numbered case log (a Redis stream in production), plus claim-once markers for
 * reports and review requests.
 *
 * <p><b>Threading:</b> thread-safe; numbering is atomic across instances (no two cases share a number, numbers
 * only grow). <b>Nullness:</b> arguments non-null; results never {@code null}. <b>Failure:</b>
 * {@link org.fellowship.core.port.StoreUnavailableException} on store outage.
 */
public interface CaseLog {

    /** Appends the case under the community's next number and returns it with that number. */
    ModCase append(ModCase draft);

    /** The case with that number, if any. */
    Optional<ModCase> find(CommunityId community, long number);

    /** The latest cases about {@code subject}, newest first, at most {@code limit}. */
    List<ModCase> about(CommunityId community, ChatUserId subject, int limit);

    /**
     * Claims case {@code number} for {@code moderator} once: the first claim wins.
     *
     * @return the moderator holding the claim (the caller on success, someone else otherwise)
     */
    ChatUserId claim(CommunityId community, long number, ChatUserId moderator);

    /**
     * Remembers for {@code ttl} that the safety screen flagged this message, so no later manual action (a warning
     * in reply to it, an approved review, a report) touches it. Holds no text.
     */
    void protect(MessageRef message, Duration ttl);

    /** {@code true} while the message is remembered as flagged by the safety screen. */
    boolean isProtected(MessageRef message);

    /**
     * The cases that are about the member (as subject, or as the member who reported), in every community, as stored
     * JSON keyed {@code "case <community> <number>"}, for {@code /export}.
     */
    Map<String, String> export(ChatUserId member);

    /**
     * Clears the member's words from those cases for {@code /forget}: the excerpt and a report's reason
     * ({@link ModCase#withoutWords}). The cases themselves stay (numbers, ids, rules, actions, outcomes and times),
     * so a member cannot wipe their record and restart the warning ladder; {@code /export} still lists them.
     *
     * @return how many cases lost words
     */
    int forget(ChatUserId member);

    /** {@code true} while a case about the member (or reported by them) still holds words (the proof after forget). */
    boolean holdsWordsOf(ChatUserId member);

    /**
     * This log as one of the stores {@code /export} and {@code /forget} go through: it holds something only while a
     * case still quotes the member.
     */
    default MemberDataEraser asEraser() {
        return MemberDataEraser.of(this::export, this::forget, this::holdsWordsOf);
    }
}
