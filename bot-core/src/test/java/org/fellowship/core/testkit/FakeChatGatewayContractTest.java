package org.fellowship.core.testkit;

import java.util.List;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.PlatformCapabilities;
import org.fellowship.core.testkit.contract.ChatGatewayContract;

/** The fake gateway keeps the same contract as the real adapters (here: a platform without buttons). */
class FakeChatGatewayContractTest extends ChatGatewayContract {
    private static final ChatUserId OPEN = new ChatUserId(Platform.TELEGRAM, "42");
    private static final ChatUserId CLOSED = new ChatUserId(Platform.TELEGRAM, "43");
    private final FakeChatGateway gateway = new FakeChatGateway(
            new PlatformCapabilities(Platform.TELEGRAM, 4096, false, 0, 0, false, false, true, true))
            .closeDirectMessages(CLOSED);

    @Override
    protected ChatGateway gateway() {
        return gateway;
    }

    @Override
    protected ConversationId groupConversation() {
        return new ConversationId(Platform.TELEGRAM, "-1001");
    }

    @Override
    protected ChatUserId memberWithOpenDirectMessages() {
        return OPEN;
    }

    @Override
    protected ChatUserId memberWithClosedDirectMessages() {
        return CLOSED;
    }

    @Override
    protected Runnable unsupportedOperation() {
        return () -> gateway.send(OutboundMessage.text(groupConversation(), "pick")
                .withButtons(List.of(ButtonRow.of(new Button("A", "a")))));
    }
}
