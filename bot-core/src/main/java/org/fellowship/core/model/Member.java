package org.fellowship.core.model;

import java.util.Objects;

/**
 * The person behind an event, with what the platform says about their standing.
 *
 * @param id          stable platform user id
 * @param displayName what to call them in a reply; never logged, never stored unless they opt in
 * @param moderator   the platform reports group admin / moderation rights in this conversation
 * @param mentor      the platform reports the community's mentor role
 * @param bot         the account is a bot (events from bots are ignored)
 */
public record Member(ChatUserId id, String displayName, boolean moderator, boolean mentor, boolean bot) {
    public Member {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? "friend" : displayName;
    }

    public static Member of(ChatUserId id, String displayName) {
        return new Member(id, displayName, false, false, false);
    }
}
