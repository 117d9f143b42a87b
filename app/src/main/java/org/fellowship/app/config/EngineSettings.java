package org.fellowship.app.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the engine runs.
 *
 * @param defaultZone   time zone for members who have not set one (IANA id)
 * @param threads       worker threads handling conversations in parallel
 * @param maxPending    events waiting before adapters are slowed down
 * @param duePoll       how often scheduled work is checked
 * @param dueLease      how long a worker holds claimed scheduled work before others may take it
 * @param dueBatch      scheduled items claimed per round trip
 * @param drainTimeout  how long shutdown waits for queued events
 */
@ConfigurationProperties("fellowship.engine")
public record EngineSettings(@DefaultValue("UTC") String defaultZone, @DefaultValue("16") int threads,
                             @DefaultValue("10000") int maxPending, @DefaultValue("1s") Duration duePoll,
                             @DefaultValue("2m") Duration dueLease, @DefaultValue("200") int dueBatch,
                             @DefaultValue("20s") Duration drainTimeout) {
    public EngineSettings {
        try {
            ZoneId.of(defaultZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("fellowship.engine.default-zone '" + defaultZone
                    + "' is not a time zone; use an IANA id such as Europe/Berlin or UTC");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("fellowship.engine.threads must be between 1 and 256");
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("fellowship.engine.max-pending must be at least 1");
        }
        if (dueBatch < 1 || dueBatch > 5000) {
            throw new IllegalArgumentException("fellowship.engine.due-batch must be between 1 and 5000");
        }
        if (duePoll.isNegative() || duePoll.isZero() || dueLease.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("fellowship.engine.due-poll must be positive and due-lease at least 5s");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(defaultZone);
    }
}
