package org.fellowship.core.port;

import java.util.Optional;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;

/**
 * Sends to one platform. Implemented by each adapter; used only by the core's outbox, which has already split the
 * text to {@link PlatformCapabilities#maxTextLength()} and replaced buttons where the platform has none. A message
 * with an {@link org.fellowship.core.outbound.OutboundFile} reaches a gateway only when the platform reports
 * {@link PlatformCapabilities#files()} and the file fits {@link PlatformCapabilities#maxFileBytes()}; its text is
 * then the caption (at most {@link PlatformCapabilities#maxCaptionLength()}, possibly empty).
 *
 * <p><b>Threading:</b> implementations are thread-safe; calls may block (rate limits, network) but never for
 * longer than the adapter's own timeout. <b>Nullness:</b> no argument is {@code null} unless stated; no method
 * returns {@code null}. <b>Failure:</b> every refusal or outage is a {@link GatewayException} with a
 * {@link GatewayException.Reason}; an operation the platform cannot do throws {@code UNSUPPORTED} rather than
 * silently doing nothing.
 */
public interface ChatGateway {

    /** The platform this gateway speaks to. */
    Platform platform();

    /** What the platform allows; cheap, may change after reconnects (for example granted intents). */
    PlatformCapabilities capabilities();

    /**
     * Delivers a message. A {@link org.fellowship.core.outbound.Delivery#PRIVATE} message addressed to a group is
     * sent ephemerally to its recipient if {@link PlatformCapabilities#ephemeralReplies()}; otherwise the outbox
     * sends it to the DM conversation from {@link #openDirect(ChatUserId)} instead.
     *
     * @return the reference of the (first) delivered message
     */
    MessageRef send(OutboundMessage message);

    /** Replaces the text and buttons of a message the bot sent. */
    void edit(MessageRef target, OutboundMessage replacement);

    /**
     * Acknowledges a button press so the member's client stops waiting (Telegram {@code answerCallbackQuery},
     * Discord interaction acknowledgement). Idempotent; {@code notice} may be {@code null} or a short toast text.
     */
    void acknowledge(ButtonPressed press, String notice);

    /**
     * The direct conversation with a member, opening it if the platform allows.
     *
     * @throws GatewayException {@code DIRECT_MESSAGES_CLOSED} when the bot may not write to them first
     */
    ConversationId openDirect(ChatUserId member);

    /**
     * A link that opens a private chat with the bot and hands it {@code startToken} (Telegram
     * {@code t.me/<bot>?start=<token>}), or empty where the platform has no such thing.
     */
    Optional<String> startLink(String startToken);

    /**
     * A link to {@code message} in {@code where} that the group's members can open (Discord message URL, Telegram
     * {@code t.me/c/...} for supergroups), or empty for direct chats and where the platform has none. Pure: no
     * network call, never throws for an unknown message.
     */
    default Optional<String> messageLink(Conversation where, MessageRef message) {
        return Optional.empty();
    }

    /**
     * Fetches the bytes of a file a member sent, reading at most {@code maxBytes}: a file the platform reports as
     * larger is refused before downloading, and a download that turns out larger is cut off. Blocks for at most the
     * adapter's request timeout.
     *
     * @throws GatewayException {@code TOO_LARGE} over {@code maxBytes}; {@code NOT_FOUND} when the platform no longer
     *                          has it; {@code UNAVAILABLE} on network failure or timeout; {@code UNSUPPORTED} where
     *                          the adapter cannot fetch files (the default)
     */
    default byte[] download(Attachment attachment, long maxBytes) {
        throw GatewayException.unsupported("downloading files");
    }
}
