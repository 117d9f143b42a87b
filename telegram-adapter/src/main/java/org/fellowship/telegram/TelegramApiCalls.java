package org.fellowship.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.telegram.TelegramErrors.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Every Bot API request of {@link TelegramGateway} goes through here: a send permit per attempt for calls that count
 * against the send limits, HTTP 429 retried after {@code retry_after} up to {@link TelegramConfig#maxRetries()} times
 * when the wait is at most {@link TelegramConfig#maxRetryWait()}, and every other failure mapped once by
 * {@link TelegramErrors} (not retried: a 5xx may have delivered already). Owns the HTTP client the gateway sends with.
 *
 * <p><b>Threading:</b> thread-safe; a call blocks for at most the request timeout plus honoured 429 waits.
 */
final class TelegramApiCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramApiCalls.class);

    private final TelegramConfig config;
    private final SendPermits permits;
    private final Sleeper sleeper;
    private final TelegramHttp http;

    TelegramApiCalls(TelegramConfig config, SendPermits permits, Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.permits = Objects.requireNonNull(permits, "permits");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = new TelegramHttp(config, "telegram-send", config.requestTimeout().toMillis());
    }

    /**
     * A call that counts against the send limits: the chat it goes to and its priority.
     *
     * @param privateChat whether {@code chatId} is a private chat (limited per chat rather than per group)
     */
    record CountedSend(String chatId, boolean privateChat, Priority priority) {

        /** A send to {@code chatId}: private chats have positive ids, groups negative ones. */
        static CountedSend to(String chatId, Priority priority) {
            return new CountedSend(chatId, !chatId.startsWith("-"), priority);
        }

        /** How a refusal of this send reads: a private chat's 403 means the member closed it. */
        Operation sendOperation() {
            return privateChat ? Operation.SEND_PRIVATE : Operation.SEND;
        }
    }

    /** One request to the Bot API, as the library's client makes it. */
    @FunctionalInterface
    interface ApiCall<T> {
        T execute() throws TelegramApiException;
    }

    /**
     * Telegram refused a send because the group is now a supergroup with {@link #newChatId}. Thrown instead of a
     * {@link GatewayException} only for {@link Operation#SEND}, so the sender can resend to the new id.
     */
    static final class ChatMoved extends RuntimeException {
        private final long newChatId;

        ChatMoved(long newChatId) {
            super("the group became a supergroup with a new chat id", null, false, false);
            this.newChatId = newChatId;
        }

        long newChatId() {
            return newChatId;
        }
    }

    /** A call outside the send limits (admin actions, lookups), with 429 retries. */
    <T extends Serializable> T call(String method, Operation op, BotApiMethod<T> request) {
        return call(method, op, request, null);
    }

    /** A call that takes a send permit per attempt when {@code counted} is non-null. */
    <T extends Serializable> T call(String method, Operation op, BotApiMethod<T> request, CountedSend counted) {
        return execute(method, op, () -> http.client().execute(request), counted);
    }

    /**
     * Any request (multipart ones too, which the library runs through another execute overload): when
     * {@code counted} is non-null every attempt (retries too) first takes a permit, closed once Telegram answered or
     * the attempt failed; 429s are retried, other errors mapped.
     */
    <T> T execute(String method, Operation op, ApiCall<T> request, CountedSend counted) {
        int attempt = 0;
        while (true) {
            SendPermits.Permit permit = counted == null ? SendPermits.Permit.NONE
                    : permits.acquire(counted.chatId(), counted.privateChat(), counted.priority());
            try (permit) {
                return request.execute();
            } catch (TelegramApiException e) {
                int code = TelegramErrors.code(e);
                int retryAfter = TelegramErrors.retryAfter(e);
                if (code == 429 && attempt < config.maxRetries()
                        && Duration.ofSeconds(Math.max(retryAfter, 1)).compareTo(config.maxRetryWait()) <= 0) {
                    attempt++;
                    Duration wait = Duration.ofSeconds(Math.max(retryAfter, 1));
                    LOG.info("{} rate-limited, retry {} after {} s", method, attempt, wait.toSeconds());
                    permits.backOff(wait);
                    sleep(wait);
                    continue;
                }
                Long movedTo = TelegramErrors.migratedTo(e);
                if (movedTo != null && op == Operation.SEND) {
                    throw new ChatMoved(movedTo); // the sender resends to the new id
                }
                GatewayException mapped = TelegramErrors.map(method, op, e);
                LOG.warn("{} failed: {} (code {})", method, mapped.reason(), code);
                throw mapped;
            } catch (RuntimeException e) {
                throw new GatewayException(Reason.UNAVAILABLE, method + " failed: " + e.getClass().getSimpleName(), e);
            }
        }
    }

    /** The TelegramBots client, for requests made once without retries ({@code setWebhook}) and multipart ones. */
    OkHttpTelegramClient client() {
        return http.client();
    }

    /** The OkHttp client under it, whose dispatcher and pool file downloads share. */
    OkHttpClient http() {
        return http.http();
    }

    /** Releases the HTTP client's threads and connections. Idempotent. */
    @Override
    public void close() {
        http.close();
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new GatewayException(Reason.UNAVAILABLE, "interrupted while waiting for Telegram's retry_after");
        }
    }
}
