package org.fellowship.core.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.port.StoreUnavailableException;

/**
 * Opaque button tokens and the numbered choices that stand in for buttons on platforms without them.
 *
 * <p><b>Threading:</b> thread-safe, shared by all instances. <b>Nullness:</b> arguments non-null unless stated; absent values are
 * empty optionals or lists. <b>Failure:</b> {@link StoreUnavailableException} on store outage. Everything stored
 * here expires: tokens after their {@code ttl}, choices after theirs.
 */
public interface ButtonTokenStore {

    /** Stores the action and returns a fresh token of at most {@link org.fellowship.core.outbound.Button#MAX_TOKEN_LENGTH} chars. */
    String issue(ButtonAction action, Duration ttl);

    /**
     * Issues one token per value: pressing the token of value {@code v} resolves to {@code action} with
     * {@code key = v} added to its data. A store may keep one record for all of them (the Redis store does: one key
     * per message rather than one per button); this default issues separate tokens.
     *
     * @param values short values of {@code [A-Za-z0-9_-]}, at most 8 characters each
     * @return tokens in the order of {@code values}
     */
    default List<String> issueChoices(ButtonAction action, String key, List<String> values, Duration ttl) {
        List<String> tokens = new java.util.ArrayList<>(values.size());
        for (String value : values) {
            java.util.Map<String, String> data = new java.util.HashMap<>(action.data());
            data.put(key, value);
            tokens.add(issue(new ButtonAction(action.handler(), data, action.allowedUser()), ttl));
        }
        return tokens;
    }

    /**
     * {@link #issueChoices} for several actions at once (a store may do it in one round trip).
     *
     * @return per action, the tokens in the order of {@code values}
     */
    default List<List<String>> issueChoicesAll(List<ButtonAction> actions, String key, List<String> values,
                                               Duration ttl) {
        List<List<String>> out = new java.util.ArrayList<>(actions.size());
        for (ButtonAction action : actions) {
            out.add(issueChoices(action, key, values, ttl));
        }
        return out;
    }

    /** The action behind a token, or empty when unknown or expired. */
    Optional<ButtonAction> resolve(String token);

    /** Forgets a token (for claim-once buttons). */
    void revoke(String token);

    /**
     * Remembers which tokens the numbers 1..n stand for in a text-only conversation, replacing earlier choices.
     *
     * @param member whose reply picks a choice, or {@code null} when anyone in the conversation may answer
     */
    void rememberChoices(ConversationId conversation, ChatUserId member, List<String> tokens, Duration ttl);

    /**
     * The latest numbered choices in the conversation for this member ({@code null}: the ones open to anyone);
     * empty when none or expired.
     */
    List<String> choices(ConversationId conversation, ChatUserId member);
}
