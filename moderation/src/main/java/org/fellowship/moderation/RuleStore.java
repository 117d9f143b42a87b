package org.fellowship.moderation;

import java.util.List;
import java.util.Optional;
import org.fellowship.core.model.CommunityId;

/**
 * A community's filter rules and moderation settings, shared by every instance of the bot.
 *
 * <p><b>Threading:</b> thread-safe; each method is atomic on its own. <b>Nullness:</b> arguments non-null; results
 * never {@code null} (absent values are empty optionals, lists or defaults). <b>Failure:</b>
 * {@link org.fellowship.core.port.StoreUnavailableException} on store outage (moderation then lets messages through).
 */
public interface RuleStore {

    /**
     * A counter that changes whenever the community's rules or settings change, so a caller can keep compiled rules
     * and reload them only when it moves. 0 when nothing was ever stored.
     */
    long revision(CommunityId community);

    /** Every rule of the community, by ascending id. */
    List<Rule> rules(CommunityId community);

    /** Stores {@code draft} under the community's next rule id (its own id is ignored) and returns it with the id. */
    Rule add(Rule draft);

    /** Replaces an existing rule (same community and id); empty when there is no such rule. */
    Optional<Rule> replace(Rule rule);

    /** Removes a rule; {@code false} when there was none with that id. */
    boolean remove(CommunityId community, int id);

    /** The community's settings, or {@link ModerationSettings#defaults} when none were saved. */
    ModerationSettings settings(CommunityId community);

    void saveSettings(ModerationSettings settings);
}
