/**
 * The engine: how an inbound event becomes replies. {@code Engine} takes events from the adapters, de-duplicates them,
 * runs the safety screen and the message guard (moderation), routes commands ({@code CommandRegistry},
 * {@code CommandSpec}), buttons and listeners to the features, and queues replies in the {@code Outbox}. Features
 * see it through {@code Feature}, {@code FeatureRegistry} (what they register at start-up), {@code Turn} (one event being
 * handled) and {@code BotContext} (shared services). {@code BotCore} assembles it all. A command with subcommands
 * registers {@code Subcommands} as its handler: it picks the subcommand by its first word and checks its access when
 * it runs, as the engine checks a command's, refusing in the feature's words ({@code Refusal}).
 */
package org.fellowship.core.engine;
