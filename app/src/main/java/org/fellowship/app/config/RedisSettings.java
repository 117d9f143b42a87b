package org.fellowship.app.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where state lives.
 *
 * @param url          a Redis URL ({@code redis://host:6379}, {@code rediss://...}); empty starts the embedded server
 * @param dataDir      the embedded server's append-only files
 * @param embeddedPort  the embedded server's port; 0 picks a free one
 * @param healthTimeout how long the health check waits for PONG before it reports Redis down
 */
@ConfigurationProperties("fellowship.redis")
public record RedisSettings(@DefaultValue("") String url, @DefaultValue("data/redis") Path dataDir,
                            @DefaultValue("0") int embeddedPort, @DefaultValue("1s") Duration healthTimeout) {
    public RedisSettings {
        url = url == null ? "" : url.strip();
        if (!url.isEmpty() && !url.startsWith("redis://") && !url.startsWith("rediss://")
                && !url.startsWith("redis-socket://")) {
            throw new IllegalArgumentException("fellowship.redis.url (REDIS_URL) must start with redis:// or "
                    + "rediss://, for example redis://localhost:6379; leave it empty to use the embedded server");
        }
        if (healthTimeout == null || healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("fellowship.redis.health-timeout must be positive, for example 1s");
        }
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new IllegalArgumentException("fellowship.redis.embedded-port must be 0 (any free port) or 1-65535");
        }
    }

    public boolean embedded() {
        return url.isEmpty();
    }
}
