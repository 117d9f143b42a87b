package org.fellowship.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.port.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Receives updates by long polling ({@code getUpdates}) with TelegramBots' long-polling session, on an executor and an
 * OkHttp client that this class owns, and hands every update to a {@link TelegramUpdateDispatcher}. The update types are
 * requested explicitly: {@link #ALLOWED_UPDATES}. Starting removes a configured webhook (the Bot API allows only one
 * mode at a time).
 *
 * <p><b>Threading:</b> one daemon polling thread; updates are dispatched on it in order. {@link #start()} and
 * {@link #close()} may be called from any thread. <b>Failure:</b> {@link #start()} throws {@link GatewayException}
 * {@code UNAVAILABLE} when the session cannot start; transient polling errors are retried with back-off by the
 * library. <b>Lifecycle:</b> {@link #close()} stops polling and shuts down its threads and connections so the JVM can
 * exit; it is idempotent.
 */
final class TelegramLongPolling implements AutoCloseable {
    /** The update types this adapter asks Telegram for. */
    static final List<String> ALLOWED_UPDATES =
            List.of("message", "edited_message", "callback_query", "chat_member", "my_chat_member");

    private static final Logger LOG = LoggerFactory.getLogger(TelegramLongPolling.class);

    private final TelegramConfig config;
    private final TelegramUpdateDispatcher dispatcher;
    private final TelegramHttp http;
    private final ScheduledExecutorService executor;
    private final TelegramBotsLongPollingApplication application;
    private BotSession session;
    private boolean closed;

    /**
     * @param config     API location and poll timeout (the HTTP read timeout is set 10 s above it)
     * @param dispatcher where updates go
     */
    TelegramLongPolling(TelegramConfig config, TelegramUpdateDispatcher dispatcher) {
        this.config = Objects.requireNonNull(config, "config");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.http = new TelegramHttp(config, "telegram-poll-http", config.pollTimeout().toMillis() + 10_000,
                this::observe);
        this.executor = Executors.newSingleThreadScheduledExecutor(TelegramHttp.daemonThreads("telegram-poll"));
        this.application = new TelegramBotsLongPollingApplication(ObjectMapper::new, http::http, () -> executor);
    }

    /** Starts polling. */
    synchronized void start() {
        if (closed) {
            throw new IllegalStateException("long polling was closed");
        }
        if (session != null) {
            return;
        }
        int timeout = (int) Math.max(0, config.pollTimeout().toSeconds());
        try {
            session = application.registerBot(config.token(), () -> TelegramHttp.telegramUrl(config),
                    last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(timeout)
                            .allowedUpdates(ALLOWED_UPDATES).build(),
                    this::consume);
            if (!session.isRunning()) {
                session.start();
            }
            LOG.info("telegram long polling started (timeout {} s)", timeout);
        } catch (TelegramApiException e) {
            throw new GatewayException(GatewayException.Reason.UNAVAILABLE,
                    "telegram long polling could not start: " + e.getClass().getSimpleName(), e);
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger failedPolls = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Counts {@code getUpdates} calls that failed in a row (the library backs off and retries them quietly, so without
     * this a bot that receives nothing would look healthy).
     */
    private okhttp3.Response observe(okhttp3.Interceptor.Chain chain) throws java.io.IOException {
        boolean poll = chain.request().url().encodedPath().toLowerCase(java.util.Locale.ROOT).endsWith("/getupdates");
        try {
            okhttp3.Response response = chain.proceed(chain.request());
            if (poll) {
                if (response.isSuccessful()) {
                    failedPolls.set(0);
                } else {
                    failedPolls.incrementAndGet();
                }
            }
            return response;
        } catch (java.io.IOException | RuntimeException e) {
            if (poll) {
                failedPolls.incrementAndGet();
            }
            throw e;
        }
    }

    /** How many {@code getUpdates} calls in a row have failed (0 while polling works). */
    int failedPollsInARow() {
        return failedPolls.get();
    }

    /** Whether the polling session runs. */
    synchronized boolean isRunning() {
        return session != null && session.isRunning();
    }

    private void consume(List<Update> updates) {
        for (Update update : updates) {
            dispatcher.dispatch(update);
        }
    }

    /** Stops polling and releases every thread and connection. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (session != null) {
                session.stop();
            }
            application.close();
        } catch (Exception e) {
            LOG.warn("telegram long polling stop: {}", e.getClass().getSimpleName());
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        LOG.info("telegram long polling stopped");
    }
}
