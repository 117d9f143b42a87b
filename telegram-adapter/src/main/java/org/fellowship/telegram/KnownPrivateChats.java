package org.fellowship.telegram;

/**
 * The Telegram users who have a private chat open with the bot (they pressed Start and have not blocked it). A bot
 * may not write to anyone else first, so {@link TelegramGateway#openDirect} consults this set.
 *
 * <p><b>Threading:</b> implementations are thread-safe. <b>Nullness:</b> arguments are never {@code null}.
 * <b>Failure:</b> a store outage may throw an unchecked exception; the gateway then treats the member as unknown.
 * The app may back this with Redis so that all instances and restarts share it; {@link InMemoryKnownPrivateChats}
 * is the default.
 */
public interface KnownPrivateChats {

    /** Whether {@code userId} (a Telegram user id as a decimal string) started the bot. */
    boolean contains(String userId);

    /** Records that the user has written to the bot in private. */
    void add(String userId);

    /** Forgets the user (they blocked the bot, or Telegram refused a private message). */
    void remove(String userId);
}
