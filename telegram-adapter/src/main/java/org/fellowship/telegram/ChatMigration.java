package org.fellowship.telegram;

import java.util.Objects;
import org.fellowship.core.model.CommunityId;

/**
 * A Telegram group was upgraded to a supergroup and got a new chat id ({@code migrate_to_chat_id}). Whatever the app
 * stored under {@code from} must move to {@code to}.
 *
 * <p>Immutable and thread-safe; neither component is {@code null}.
 *
 * @param from the old (group) community id
 * @param to   the new (supergroup) community id
 */
public record ChatMigration(CommunityId from, CommunityId to) {
    public ChatMigration {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
