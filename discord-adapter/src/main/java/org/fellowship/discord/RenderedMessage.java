package org.fellowship.discord;

import java.util.List;
import java.util.Objects;
import org.fellowship.core.outbound.Button;

/**
 * A message ready for Discord, independent of Javacord: final content, button rows (custom id = core token),
 * whether it is ephemeral, and the message it replies to. Produced by {@link DiscordRenderer}.
 *
 * <p><b>Threading:</b> immutable. <b>Nullness:</b> {@code replyToMessageId} is {@code null} for no reply; the rest
 * never {@code null}.
 */
public record RenderedMessage(String content, List<List<Button>> rows, boolean ephemeral, Long replyToMessageId) {
    public RenderedMessage {
        Objects.requireNonNull(content, "content");
        rows = rows.stream().map(List::copyOf).toList();
    }

    public RenderedMessage asEphemeral() {
        return new RenderedMessage(content, rows, true, replyToMessageId);
    }
}
