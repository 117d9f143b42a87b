package org.fellowship.app.config;

import java.time.Clock;
import java.time.Duration;
import org.fellowship.redis.EmbeddedRedis;
import org.fellowship.redis.KeySchema;
import org.fellowship.redis.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects to Redis: the configured server, or the embedded one (started here, stopped on shutdown after the store
 * closes) when no URL is set.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConfiguration.class);
    private static final Duration DONE_RETENTION = Duration.ofDays(14);

    /** Where Redis is, and the embedded server if we started one. */
    public record RedisEndpoint(String uri, EmbeddedRedis embedded) implements AutoCloseable {
        public boolean isEmbedded() {
            return embedded != null;
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    RedisEndpoint redisEndpoint(RedisSettings settings) {
        if (!settings.embedded()) {
            LOG.info("Using the Redis server from fellowship.redis.url");
            return new RedisEndpoint(settings.url(), null);
        }
        // No JVM hook: the context stops the server last, after the engine drained and the Redis client closed.
        EmbeddedRedis embedded = EmbeddedRedis.start(settings.dataDir(), settings.embeddedPort(), false);
        LOG.info("No Redis URL configured: started the embedded Redis on port {} with data in {}",
                embedded.port(), settings.dataDir().toAbsolutePath());
        return new RedisEndpoint(embedded.uri(), embedded);
    }

    @Bean(destroyMethod = "close")
    RedisStore redisStore(RedisEndpoint endpoint, Clock clock) {
        return RedisStore.connect(endpoint.uri(), KeySchema.defaults(), DONE_RETENTION, clock);
    }
}
