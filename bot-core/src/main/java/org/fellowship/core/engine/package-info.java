/**
 * The running bot: {@link org.fellowship.core.engine.BotCore} assembles it, features install into the
 * {@link org.fellowship.core.engine.FeatureRegistry}, and the {@link org.fellowship.core.engine.Engine} takes each
 * inbound event through de-duplication, the safety screen and moderation to a command, button, numbered choice or
 * listener, handing features a {@link org.fellowship.core.engine.Turn} to answer through the
 * {@link org.fellowship.core.engine.Outbox}. Commands are looked up in the
 * {@link org.fellowship.core.engine.CommandRegistry}; a command with subcommands routes them with
 * {@link org.fellowship.core.engine.Subcommands}, which checks access the way the engine does and refuses in the
 * feature's words ({@link org.fellowship.core.engine.Refusal}).
 */
package org.fellowship.core.engine;
