/**
 * The engine: how an inbound event becomes replies. {@code Engine} takes events from the adapters, de-duplicates them,
 * runs the safety screen and the message guard (moderation), routes commands ({@code CommandRegistry},
 * {@code CommandSpec}), buttons and listeners to the features, and queues replies in the {@code Outbox}. Features
 * see it through {@code Feature}, {@code FeatureRegistry} (what they register at start-up), {@code Turn} (one event being
 * handled) and {@code BotContext} (shared services). {@code BotCore} assembles it all.
 */
package org.fellowship.core.engine;
