package org.fellowship.app.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The crisis detector's semantic stage (README, "Crisis detection").
 *
 * @param enabled  read every member message with the sentence-embedding model too ({@code --no-semantic} turns it
 *                 off: tiny machines)
 * @param threads  inference threads, each on one core (1-8)
 * @param queue    messages that may wait for a reading; more are skipped and counted (the lexicon's result stands)
 * @param maxWait  a message that waited longer is skipped and counted
 */
@ConfigurationProperties("fellowship.crisis.semantic")
public record SemanticSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1") int threads,
                               @DefaultValue("256") int queue, @DefaultValue("10s") Duration maxWait) {
    public SemanticSettings {
        if (threads < 1 || threads > 8) {
            throw new IllegalArgumentException("fellowship.crisis.semantic.threads must be between 1 and 8");
        }
        if (queue < 1) {
            throw new IllegalArgumentException("fellowship.crisis.semantic.queue must be at least 1");
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("fellowship.crisis.semantic.max-wait must be positive");
        }
    }
}
