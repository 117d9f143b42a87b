package org.fellowship.discord;

import static org.fellowship.discord.DiscordWorld.*;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.ChatGatewayContract;

/** The shared gateway contract against the Discord gateway over the mocked world. */
class DiscordGatewayContractTest extends ChatGatewayContract {
    private final DiscordWorld world = new DiscordWorld();
    private final RecordingTransport transport = new RecordingTransport();
    private final DiscordGateway gateway = new DiscordGateway(List.of(world.api), world.settings(), true, transport,
            MutableClock.at("2026-03-08T09:00:00Z"), mock(ScheduledExecutorService.class));

    DiscordGatewayContractTest() {
        transport.refusing.add(1000 + MEG);
    }

    @Override
    protected ChatGateway gateway() {
        return gateway;
    }

    @Override
    protected ConversationId groupConversation() {
        return conversation(CHANNEL);
    }

    @Override
    protected ChatUserId memberWithOpenDirectMessages() {
        return chatUser(SAM);
    }

    @Override
    protected ChatUserId memberWithClosedDirectMessages() {
        return chatUser(MEG);
    }

    /** Moderation actions need a server channel; a DM cannot have them. */
    @Override
    protected Runnable unsupportedOperation() {
        return () -> gateway.kick(conversation(1000 + SAM), chatUser(SAM));
    }
}
