package org.fellowship.discord;

import java.util.List;
import java.util.Objects;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.OutboundFile;

/**
 * A message ready for Discord, independent of Javacord: final content, button rows (custom id = core token),
 * whether it is ephemeral, the message it replies to, and a file attached to it. Produced by {@link DiscordRenderer}.
 *
 * <p><b>Threading:</b> immutable. <b>Nullness:</b> {@code replyToMessageId} and {@code file} are {@code null} for
 * none; the rest never {@code null}.
 */
record RenderedMessage(String content, List<List<Button>> rows, boolean ephemeral, Long replyToMessageId,
                              OutboundFile file) {
    RenderedMessage {
        Objects.requireNonNull(content, "content");
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** A message without a file. */
    RenderedMessage(String content, List<List<Button>> rows, boolean ephemeral, Long replyToMessageId) {
        this(content, rows, ephemeral, replyToMessageId, null);
    }

    RenderedMessage asEphemeral() {
        return new RenderedMessage(content, rows, true, replyToMessageId, file);
    }
}
