package org.fellowship.app.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts requests to an endpoint refused for a missing or wrong secret (metric {@code fellowship.webhook.rejected},
 * tagged with the reason; Prometheus {@code fellowship_webhook_rejected_total}) and logs them at most once per
 * {@link #LOG_EVERY}, with how many arrived since the last line, so a flood cannot flood the log.
 *
 * <p>Thread-safe. Logs the reason and counts only: never a header, a body or an address.
 */
final class RejectedRequests {
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RejectedRequests.class);

    private final MeterRegistry registry;
    private final Clock clock;
    private final String endpoint;
    private Instant nextLine = Instant.MIN;
    private long unlogged;

    /** @param endpoint named in the log line and the metric's tag, e.g. {@code telegram-webhook} */
    RejectedRequests(MeterRegistry registry, Clock clock, String endpoint) {
        this.registry = registry;
        this.clock = clock;
        this.endpoint = endpoint;
    }

    /** Records one refused request; {@code reason} is a short fixed text such as {@code missing secret}. */
    void record(String reason) {
        Counter.builder("fellowship.webhook.rejected").description("Webhook requests refused for their secret")
                .tag("endpoint", endpoint).tag("reason", reason).register(registry).increment();
        long count;
        synchronized (this) {
            unlogged++;
            Instant now = clock.instant();
            if (now.isBefore(nextLine)) {
                return;
            }
            nextLine = now.plus(LOG_EVERY);
            count = unlogged;
            unlogged = 0;
        }
        LOG.warn("{} refused {} request(s) without the right secret since the last such line (latest: {}); "
                + "logged at most once a minute", endpoint, count, reason);
    }
}
