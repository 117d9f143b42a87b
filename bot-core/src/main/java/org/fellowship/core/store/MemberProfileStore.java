package org.fellowship.core.store;

import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.port.StoreUnavailableException;

/**
 * Member profiles. Every key written for a member is registered for erasure.
 *
 * <p><b>Threading:</b> thread-safe; last write wins. <b>Nullness:</b> arguments non-null; a missing profile is an
 * empty optional. <b>Failure:</b> {@link StoreUnavailableException}.
 */
public interface MemberProfileStore {

    Optional<MemberProfile> find(ChatUserId member);

    void save(MemberProfile profile);
}
