package org.fellowship.bench;

import java.util.Optional;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.PlatformCapabilities;

/**
 * A Telegram-shaped gateway that delivers nowhere, so benchmarks time the bot and not a network: every member is
 * reachable by DM, edits and acknowledgements do nothing, and subclasses see each send.
 */
abstract class SinkGateway implements ChatGateway {

    /** Called for every message the bot sends, on the sending thread. */
    abstract void sent(OutboundMessage message, long nanoTime);

    @Override
    public final MessageRef send(OutboundMessage message) {
        sent(message, System.nanoTime());
        return new MessageRef(message.to(), "1");
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public PlatformCapabilities capabilities() {
        return PlatformCapabilities.telegram(true);
    }

    @Override
    public void edit(MessageRef target, OutboundMessage replacement) {
    }

    @Override
    public void acknowledge(ButtonPressed press, String notice) {
    }

    @Override
    public ConversationId openDirect(ChatUserId member) {
        return new ConversationId(Platform.TELEGRAM, member.value());
    }

    @Override
    public Optional<String> startLink(String startToken) {
        return Optional.empty();
    }
}
