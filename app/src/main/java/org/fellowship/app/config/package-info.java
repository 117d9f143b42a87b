/**
 * Spring configuration: settings bound from the environment and validated at start-up, the Redis connection, the
 * platform adapters' lifecycles, the Telegram webhook endpoint, health indicators and metrics.
 */
package org.fellowship.app.config;
