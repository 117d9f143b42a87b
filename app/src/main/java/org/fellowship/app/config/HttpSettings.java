package org.fellowship.app.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The app's own outbound HTTP (meeting feeds).
 *
 * @param deadline total time one request may take: DNS, connect, TLS, headers, redirects and the whole body (1s-2m)
 * @param threads  threads fetching in parallel (1-32); a few more requests wait, the rest are refused at once
 */
@ConfigurationProperties("fellowship.http")
public record HttpSettings(@DefaultValue("20s") Duration deadline, @DefaultValue("4") int threads) {
    public HttpSettings {
        if (deadline.compareTo(Duration.ofSeconds(1)) < 0 || deadline.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("fellowship.http.deadline must be between 1s and 2m");
        }
        if (threads < 1 || threads > 32) {
            throw new IllegalArgumentException("fellowship.http.threads must be between 1 and 32");
        }
    }
}
