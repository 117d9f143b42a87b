package org.fellowship.telegram;

/**
 * Who the bot is, from {@code getMe}.
 *
 * <p>Immutable and thread-safe; {@code username} may be {@code null} only for a configured placeholder.
 *
 * @param id                       the bot's user id
 * @param username                 its username without '@'
 * @param canReadAllGroupMessages  privacy mode is off: the bot sees every group message, not only commands and
 *                                 replies to it
 */
record BotIdentity(long id, String username, boolean canReadAllGroupMessages) {
}
