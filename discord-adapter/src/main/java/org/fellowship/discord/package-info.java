/**
 * The Discord adapter: Javacord to the core's ports and back.
 *
 * <p>The app calls {@link org.fellowship.discord.DiscordConnection#connect} with
 * {@link org.fellowship.discord.DiscordSettings}; the connection logs in, publishes the slash commands
 * ({@code DiscordSlashCommands}), maps every Javacord event with {@code DiscordMapper} into the core's sink, and hands
 * out the {@link org.fellowship.discord.DiscordGateway} the core sends through.
 *
 * <p>The gateway is a facade: {@code DiscordSender} (channel sends, edits, DMs), {@code DiscordInteractions} with
 * {@code PendingInteraction} (deferred slash commands, button acknowledgements; no lock held across a network call),
 * {@code DiscordFiles} (downloads), {@code DiscordGroupAdmin} (moderation actions, moderator list) and
 * {@code DiscordChannelAudience} (who can read a channel), finding channels and members through
 * {@code DiscordChannels} and sending through {@code ChannelTransport}. Everything else is package-private.
 */
package org.fellowship.discord;
