package org.fellowship.discord;

import org.fellowship.core.model.Attachment;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageAttachment;

/**
 * Downloads for {@link DiscordGateway}: a member's file is only ever one Discord resolved for a message or a slash
 * command of theirs, looked up again through Javacord, never an arbitrary URL. Files the bot sends go out with their
 * message ({@link ChannelTransport#send}).
 *
 * <p><b>Threading:</b> thread-safe; blocks at most the request timeout per Discord request.
 */
final class DiscordFiles {
    private final DiscordChannels channels;
    private final DiscordInteractions interactions;
    private final ChannelTransport transport;
    private final long timeoutMillis;

    DiscordFiles(DiscordChannels channels, DiscordInteractions interactions, ChannelTransport transport,
                 long timeoutMillis) {
        this.channels = channels;
        this.interactions = interactions;
        this.transport = transport;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Downloads a member's attachment: looks its message up again through Javacord (reference
     * {@code channel/message/attachment} from {@link DiscordMapper}), checks Discord's reported size against
     * {@code maxBytes}, then fetches it with Javacord within the request timeout.
     */
    byte[] download(Attachment attachment, long maxBytes) {
        if (attachment.knownLargerThan(maxBytes)) {
            throw tooLarge(maxBytes);
        }
        if (attachment.platformFileRef().startsWith(DiscordMapper.SLASH_FILE_PREFIX)) {
            return downloadSlashFile(attachment.platformFileRef(), maxBytes);
        }
        String[] ref = attachment.platformFileRef().split("/", -1);
        if (ref.length != 3) {
            throw new GatewayException(Reason.INVALID, "download: not a Discord attachment reference");
        }
        TextChannel channel = channels.textChannel(DiscordIds.conversationId(DiscordIds.snowflake(ref[0],
                "channel id")), "download");
        Message message = DiscordFailures.await(transport.message(channel, DiscordIds.snowflake(ref[1],
                "message id")), "find message of attachment", timeoutMillis);
        long attachmentId = DiscordIds.snowflake(ref[2], "attachment id");
        MessageAttachment file = message.getAttachments().stream().filter(a -> a.getId() == attachmentId).findFirst()
                .orElseThrow(() -> new GatewayException(Reason.NOT_FOUND, "download: the attachment is gone"));
        return fetch(file, maxBytes);
    }

    /**
     * A file sent with a slash command ({@code slash/<event id>/<attachment id>}): found again in the options of the
     * pending interaction, so it is only ever a file Discord resolved for that command, never an arbitrary URL.
     */
    private byte[] downloadSlashFile(String ref, long maxBytes) {
        String[] parts = ref.substring(DiscordMapper.SLASH_FILE_PREFIX.length()).split("/", -1);
        if (parts.length != 2) {
            throw new GatewayException(Reason.INVALID, "download: not a Discord slash command file reference");
        }
        long attachmentId = DiscordIds.snowflake(parts[1], "attachment id");
        org.javacord.api.entity.Attachment file = interactions.slashCommand(parts[0])
                .flatMap(slash -> slash.getOptions().stream().map(o -> o.getAttachmentValue().orElse(null))
                        .filter(a -> a != null && a.getId() == attachmentId).findFirst())
                .orElseThrow(() -> new GatewayException(Reason.NOT_FOUND,
                        "download: the command's file is no longer available"));
        return fetch(file, maxBytes);
    }

    /** The bytes of a file Discord resolved, within {@code maxBytes} by its reported size and by what arrived. */
    private byte[] fetch(org.javacord.api.entity.Attachment file, long maxBytes) {
        if (file.getSize() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes = DiscordFailures.await(file.asByteArray(), "download attachment", timeoutMillis);
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return bytes;
    }

    private static GatewayException tooLarge(long maxBytes) {
        return new GatewayException(Reason.TOO_LARGE, "file larger than " + maxBytes + " bytes");
    }
}
