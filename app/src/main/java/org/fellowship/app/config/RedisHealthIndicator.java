package org.fellowship.app.config;

import org.fellowship.redis.RedisStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports Redis as UP when it answers PING within {@code fellowship.redis.health-timeout}, with its version and
 * whether it is the embedded server.
 */
@Component("redis")
public class RedisHealthIndicator implements HealthIndicator {
    private final RedisStore store;
    private final RedisConfiguration.RedisEndpoint endpoint;
    private final RedisSettings settings;

    public RedisHealthIndicator(RedisStore store, RedisConfiguration.RedisEndpoint endpoint, RedisSettings settings) {
        this.store = store;
        this.endpoint = endpoint;
        this.settings = settings;
    }

    @Override
    public Health health() {
        if (!store.ping(settings.healthTimeout())) {
            return Health.down().withDetail("embedded", endpoint.isEmbedded()).build();
        }
        return Health.up().withDetail("embedded", endpoint.isEmbedded())
                .withDetail("version", store.serverVersion()).build();
    }
}
