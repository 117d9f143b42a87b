/**
 * Redis implementations of every store port, over Lettuce: {@link org.fellowship.redis.RedisStore} connects and hands
 * out one store per port; {@link org.fellowship.redis.KeySchema} names every key;
 * {@link org.fellowship.redis.EmbeddedRedis} runs a local {@code redis-server} when no Redis is configured. These three are public (the app, the benchmarks and
 * the tests use them); the stores, their codecs, Lua scripts and helpers are package-private.
 */
package org.fellowship.redis;
