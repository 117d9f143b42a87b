/**
 * The Telegram adapter: the Bot API (TelegramBots over OkHttp) to the core's ports and back.
 *
 * <p>The app builds a {@link org.fellowship.telegram.TelegramAdapter} with a {@link org.fellowship.telegram.TelegramConfig},
 * {@link org.fellowship.telegram.KnownPrivateChats}, a {@link org.fellowship.telegram.TelegramRateLimiter} and a
 * {@link org.fellowship.telegram.ChatMigrationListener}, registers its {@link org.fellowship.telegram.TelegramGateway}
 * with the core, then receives by long polling or through a {@link org.fellowship.telegram.TelegramWebhook}.
 *
 * <p>Sending: the gateway is a facade over {@code TelegramSender} (text, edits, acknowledgements, private chats),
 * {@code TelegramFiles} (uploads and downloads) and {@code TelegramGroupAdmin} with {@code TelegramChatAdmins}
 * (moderation actions, cached administrator lists), all calling the Bot API through {@code TelegramApiCalls} (send
 * permits, 429 retries, error mapping). Receiving: {@code TelegramLongPolling} or the webhook hand updates to the
 * {@link org.fellowship.telegram.TelegramUpdateDispatcher}, which maps them with the
 * {@link org.fellowship.telegram.TelegramUpdateMapper}. Everything else is package-private.
 */
package org.fellowship.telegram;
