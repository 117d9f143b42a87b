package org.fellowship.discord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.exception.CannotMessageUserException;

/** Records channel sends, edits and deletes; channels in {@link #refusing} fail like a member's closed DMs. */
final class RecordingTransport implements ChannelTransport {
    record Call(String kind, long channelId, long messageId, RenderedMessage message) {
    }

    final List<Call> calls = new ArrayList<>();
    final Set<Long> refusing = new HashSet<>();
    /** Messages {@link #message} finds, by id (as Javacord's cache or REST would). */
    final java.util.Map<Long, org.javacord.api.entity.message.Message> messages = new java.util.HashMap<>();
    private final AtomicLong ids = new AtomicLong(90_000);

    @Override
    public synchronized CompletableFuture<Long> send(TextChannel channel, RenderedMessage message) {
        if (refusing.contains(channel.getId())) {
            return CompletableFuture.failedFuture(new CannotMessageUserException(null,
                    "Cannot send messages to this user", DiscordWorld.request(), DiscordWorld.response(403)));
        }
        long id = ids.incrementAndGet();
        calls.add(new Call("send", channel.getId(), id, message));
        return CompletableFuture.completedFuture(id);
    }

    @Override
    public synchronized CompletableFuture<Void> edit(TextChannel channel, long messageId, RenderedMessage message) {
        calls.add(new Call("edit", channel.getId(), messageId, message));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> delete(TextChannel channel, long messageId) {
        calls.add(new Call("delete", channel.getId(), messageId, null));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<org.javacord.api.entity.message.Message> message(TextChannel channel,
                                                                                          long messageId) {
        org.javacord.api.entity.message.Message m = messages.get(messageId);
        return m != null ? CompletableFuture.completedFuture(m) : CompletableFuture.failedFuture(
                new org.javacord.api.exception.NotFoundException(null, "Unknown Message", DiscordWorld.request(),
                        DiscordWorld.response(404)));
    }

    synchronized List<Call> sends() {
        return calls.stream().filter(c -> c.kind().equals("send")).toList();
    }
}
