package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ChatGateway} must have, whatever the platform: it reports its own platform, sends
 * within its limits, refuses longer text loudly, reports closed DMs as {@code DIRECT_MESSAGES_CLOSED} (at
 * {@code openDirect} or at the first send there), and fails an unsupported operation with {@code UNSUPPORTED}
 * instead of doing nothing. Adapters extend this with their own (faked or mocked) transport.
 */
public abstract class ChatGatewayContract {

    protected abstract ChatGateway gateway();

    /** A group conversation the gateway can post to. */
    protected abstract ConversationId groupConversation();

    /** A member who accepts direct messages from the bot. */
    protected abstract ChatUserId memberWithOpenDirectMessages();

    /** A member whose direct messages are closed to the bot. */
    protected abstract ChatUserId memberWithClosedDirectMessages();

    /** Something this platform or adapter cannot do at all; running it must throw {@code UNSUPPORTED}. */
    protected abstract Runnable unsupportedOperation();

    @Test
    void capabilitiesBelongToTheGatewaysPlatform() {
        assertThat(gateway().capabilities().platform()).isEqualTo(gateway().platform());
    }

    @Test
    void sendsToAGroupAndReturnsAReferenceThere() {
        MessageRef ref = gateway().send(OutboundMessage.text(groupConversation(), "Welcome, everyone."));
        assertThat(ref.conversation()).isEqualTo(groupConversation());
    }

    @Test
    void textLongerThanTheLimitFailsLoudly() {
        String tooLong = "a".repeat(gateway().capabilities().maxTextLength() + 1);
        assertThatThrownBy(() -> gateway().send(OutboundMessage.text(groupConversation(), tooLong)))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.INVALID));
    }

    @Test
    void directMessagesReachAMemberWhoAcceptsThem() {
        ChatUserId member = memberWithOpenDirectMessages();
        ConversationId dm = gateway().openDirect(member);
        assertThat(dm.platform()).isEqualTo(gateway().platform());
        MessageRef ref = gateway().send(direct(dm, member));
        assertThat(ref.conversation()).isEqualTo(dm);
    }

    @Test
    void closedDirectMessagesAreReportedSoTheCoreCanFallBack() {
        ChatUserId member = memberWithClosedDirectMessages();
        assertThatThrownBy(() -> gateway().send(direct(gateway().openDirect(member), member)))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.DIRECT_MESSAGES_CLOSED));
    }

    @Test
    void unsupportedOperationFailsLoudly() {
        assertThatThrownBy(() -> unsupportedOperation().run())
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.UNSUPPORTED));
    }

    @Test
    void startLinkIsAbsentOrCarriesTheToken() {
        gateway().startLink("tok42").ifPresent(link -> assertThat(link).contains("tok42"));
    }

    private static OutboundMessage direct(ConversationId dm, ChatUserId member) {
        return new OutboundMessage(dm, "Just for you.", TextStyle.PLAIN, List.of(), null, Delivery.PRIVATE, member,
                Priority.NORMAL);
    }
}
