package org.fellowship.core.port;

import org.fellowship.core.model.CommunityId;

/**
 * The one identity of a community whose platform gave it a new id (a Telegram group upgraded to a supergroup gets a
 * new chat id): every old id points at the id it became. The engine resolves ids through here at its edges, where an id
 * comes in from outside or from the past (an inbound event, a due item queued earlier, a button on an old message), so
 * stores and features only ever see a community's current id.
 *
 * <p><b>Contract.</b> {@link #current} follows the recorded steps to their end: after {@code A -> B} and then
 * {@code B -> C}, {@code current(A)} and {@code current(B)} are {@code C}; an id that never moved is its own current
 * id. Aliases are never removed. Recording is idempotent (recording a step again changes nothing and succeeds), an id
 * moves at most once (a different second target for it is refused), and a step that would close a cycle, or that
 * names the same id twice, is refused, so resolution always ends.
 *
 * <p><b>Threading:</b> thread-safe; what one instance records, every instance sharing the store resolves.
 * <b>Nullness:</b> arguments non-null, results never {@code null}. <b>Failure:</b>
 * {@link StoreUnavailableException} when the store cannot be reached;
 * {@link IllegalArgumentException} for a step between two platforms.
 */
public interface CommunityAliases {

    /**
     * Records that {@code from} is now {@code to}.
     *
     * @return {@code true} when the step is recorded (now or before); {@code false} when it was refused: {@code from}
     *         equals {@code to}, it already moved elsewhere, or the step would close a cycle
     */
    boolean record(CommunityId from, CommunityId to);

    /** The id {@code community} has now: the end of its recorded steps, or itself when it never moved. */
    CommunityId current(CommunityId community);
}
