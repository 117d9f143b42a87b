package org.fellowship.discord;

import java.util.concurrent.CompletableFuture;
import org.javacord.api.entity.DiscordEntity;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.entity.message.MessageUpdater;
import org.javacord.api.entity.channel.TextChannel;

/** {@link ChannelTransport} over Javacord's message builders. Thread-safe; stateless. */
final class JavacordChannelTransport implements ChannelTransport {

    @Override
    public CompletableFuture<Long> send(TextChannel channel, RenderedMessage message) {
        MessageBuilder builder = new MessageBuilder();
        builder.setContent(message.content());
        builder.setAllowedMentions(DiscordRenderer.allowedMentions());
        if (!message.rows().isEmpty()) {
            builder.addComponents(DiscordRenderer.components(message));
        }
        if (message.replyToMessageId() != null) {
            builder.replyTo(message.replyToMessageId(), false);
        }
        if (message.file() != null) {
            builder.addAttachment(message.file().bytes(), message.file().fileName());
        }
        return builder.send(channel).thenApply(DiscordEntity::getId);
    }

    @Override
    public CompletableFuture<Void> edit(TextChannel channel, long messageId, RenderedMessage message) {
        return channel.getMessageById(messageId).thenCompose((Message existing) -> {
            MessageUpdater updater = new MessageUpdater(existing);
            updater.setContent(message.content());
            updater.setAllowedMentions(DiscordRenderer.allowedMentions());
            updater.removeAllComponents();
            if (!message.rows().isEmpty()) {
                updater.addComponents(DiscordRenderer.components(message));
            }
            return updater.replaceMessage();
        }).thenApply(m -> null);
    }

    @Override
    public CompletableFuture<Message> message(TextChannel channel, long messageId) {
        return channel.getMessageById(messageId);
    }

    @Override
    public CompletableFuture<Void> delete(TextChannel channel, long messageId) {
        return Message.delete(channel.getApi(), channel.getId(), messageId, "Fellowship moderation");
    }
}
