package org.fellowship.telegram;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Owns one OkHttp client (with its own daemon dispatcher threads) and the TelegramBots client on top of it, so that
 * {@link #close()} really releases every thread and connection. Package-private plumbing.
 */
final class TelegramHttp implements AutoCloseable {
    private final OkHttpClient http;
    private final ExecutorService dispatcherThreads;
    private final OkHttpTelegramClient client;

    TelegramHttp(TelegramConfig config, String threadName, long readTimeoutMillis) {
        this(config, threadName, readTimeoutMillis, null);
    }

    /** @param observer sees every exchange (for example to tell whether polling works), or {@code null} */
    TelegramHttp(TelegramConfig config, String threadName, long readTimeoutMillis, okhttp3.Interceptor observer) {
        this.dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads(threadName));
        Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (observer != null) {
            builder.addInterceptor(observer);
        }
        this.http = builder
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                .connectTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .build();
        this.client = new OkHttpTelegramClient(http, config.token(), telegramUrl(config));
    }

    static TelegramUrl telegramUrl(TelegramConfig config) {
        return new TelegramUrl(config.apiUrl().getScheme(), config.apiUrl().getHost(), config.port(), false);
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    OkHttpClient http() {
        return http;
    }

    OkHttpTelegramClient client() {
        return client;
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        dispatcherThreads.shutdownNow();
        http.connectionPool().evictAll();
    }
}
