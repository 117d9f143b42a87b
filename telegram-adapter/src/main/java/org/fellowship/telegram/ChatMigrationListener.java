package org.fellowship.telegram;

/**
 * Told when a group becomes a supergroup with a new chat id, so the app can move the community's stored state.
 *
 * <p><b>Threading:</b> called from the adapter's receiving thread (long polling or the webhook caller); keep it short
 * or hand off. <b>Nullness:</b> the migration is never {@code null}. <b>Failure:</b> an exception is logged by the
 * adapter (ids only) and does not stop receiving. Telegram may report one migration twice (once from the old chat,
 * once from the new one), so implementations must be idempotent.
 */
@FunctionalInterface
public interface ChatMigrationListener {

    /** Does nothing; for apps that keep no community state. */
    ChatMigrationListener NONE = migration -> { };

    void migrated(ChatMigration migration);
}
