package org.fellowship.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.GatewayException;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.message.component.HighLevelComponent;
import org.javacord.api.entity.message.mention.AllowedMentions;
import org.javacord.api.interaction.callback.InteractionFollowupMessageBuilder;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {
    private final DiscordRenderer renderer = new DiscordRenderer();
    private static final org.fellowship.core.model.ConversationId TO = DiscordWorld.conversation(DiscordWorld.CHANNEL);

    @Test
    void plainTextNeutralisesMarkdown() {
        RenderedMessage r = renderer.render(OutboundMessage.text(TO, "**bold** _it_ `code` ||spoiler|| [x](y)\n> quote\n# head"),
                false);
        assertThat(r.content()).isEqualTo("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\|\\|spoiler\\|\\| \\[x\\](y)\n\\> quote\n\\# head");
    }

    @Test
    void mentionsInTextAreLeftInertByAllowedMentions() {
        AllowedMentions mentions = DiscordRenderer.allowedMentions();
        assertThat(mentions.getMentionTypes()).isEmpty();
        assertThat(mentions.getAllowedRoleMentions()).isEmpty();
        assertThat(mentions.getAllowedUserMentions()).isEmpty();
        assertThat(mentions.getMentionRepliedUser()).isFalse();
    }

    @Test
    void monospaceIsACodeBlockThatUserBackticksCannotClose() {
        OutboundMessage m = new OutboundMessage(TO, "mood ```@everyone", TextStyle.MONOSPACE, List.of(), null,
                Delivery.PUBLIC, null, Priority.NORMAL);
        String content = renderer.render(m, false).content();
        assertThat(content).startsWith("```\n").endsWith("\n```");
        assertThat(content.substring(3, content.length() - 3)).doesNotContain("`");
    }

    @Test
    void textAtTheLimitIsKeptAndLongerTextIsRejectedLoudly() {
        String max = "a".repeat(2000);
        assertThat(renderer.render(OutboundMessage.text(TO, max), false).content()).hasSize(2000);
        String underscores = "_".repeat(2000);
        assertThat(renderer.render(OutboundMessage.text(TO, underscores), false).content())
                .as("escaping would not fit, so the raw text is sent").isEqualTo(underscores);
        assertThatThrownBy(() -> renderer.render(OutboundMessage.text(TO, max + "b"), false))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.INVALID));
    }

    @Test
    void buttonsBecomeRowsWithTokensAsCustomIds() {
        OutboundMessage m = OutboundMessage.text(TO, "How are you?").withButtons(List.of(
                ButtonRow.of(new Button("1", "t1"), new Button("2", "t2")), ButtonRow.of(new Button("Skip", "t3"))));
        RenderedMessage r = renderer.render(m, true);
        assertThat(r.rows()).hasSize(2);
        assertThat(r.rows().get(0)).extracting(Button::token).containsExactly("t1", "t2");
        assertThat(r.ephemeral()).isTrue();
        HighLevelComponent[] rows = DiscordRenderer.components(r);
        assertThat(rows).hasSize(2);
    }

    @Test
    void tooManyButtonsAreRejected() {
        List<Button> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(new Button("b" + i, "t" + i));
        }
        assertThatThrownBy(() -> renderer.render(OutboundMessage.text(TO, "x").withButtons(List.of(new ButtonRow(six))),
                false)).isInstanceOf(GatewayException.class).hasMessageContaining("5 buttons");
        List<ButtonRow> rows = Collections.nCopies(6, ButtonRow.of(new Button("a", "t")));
        assertThatThrownBy(() -> renderer.render(OutboundMessage.text(TO, "x").withButtons(rows), false))
                .isInstanceOf(GatewayException.class).hasMessageContaining("5 button rows");
    }

    @Test
    void replyToBecomesTheReferencedMessageId() {
        RenderedMessage r = renderer.render(OutboundMessage.text(TO, "hi").withReplyTo(new MessageRef(TO, "777")),
                false);
        assertThat(r.replyToMessageId()).isEqualTo(777L);
    }

    @Test
    void applyFillsAnInteractionBuilderWithoutChaining() {
        InteractionFollowupMessageBuilder b = mock(InteractionFollowupMessageBuilder.class);
        DiscordRenderer.apply(b, renderer.render(OutboundMessage.text(TO, "private"), true));
        verify(b).setContent("private");
        verify(b).setAllowedMentions(any());
        verify(b).setFlags(MessageFlag.EPHEMERAL);
        verify(b, never()).addComponents(any(HighLevelComponent[].class));
    }
}
