package org.fellowship.discord;

import java.util.concurrent.CompletableFuture;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.Message;

/**
 * The channel calls that go through Javacord's concrete builders or static helpers (and so cannot be mocked): send
 * (with an attachment), edit, delete, and looking up a message. {@link DiscordGateway} uses {@link JavacordChannelTransport} in production; tests pass a recording one.
 *
 * <p><b>Threading:</b> implementations are thread-safe and non-blocking (they return futures). <b>Failure:</b>
 * futures complete exceptionally with Javacord's exceptions; the gateway maps them.
 */
interface ChannelTransport {
    /** Sends and completes with the new message's id. */
    CompletableFuture<Long> send(TextChannel channel, RenderedMessage message);

    CompletableFuture<Void> edit(TextChannel channel, long messageId, RenderedMessage message);

    CompletableFuture<Void> delete(TextChannel channel, long messageId);

    /** A message of the channel (from Javacord's cache, else fetched), for example to reach its attachments. */
    CompletableFuture<Message> message(TextChannel channel, long messageId);
}
