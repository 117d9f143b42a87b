package org.fellowship.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.fellowship.core.model.Access;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundFile;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.junit.jupiter.api.Test;

/** How the outbox sends a message that carries a file: caption, splitting, buttons, private fallback. */
class OutboxFileTest {
    private static final byte[] BYTES = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);

    /** {@code /file <n> [private] [buttons]}: sends a file with a caption of n characters. */
    private static final Feature FILES = (registry, context) -> registry.command("file", "<n>", "Send a file",
            Access.EVERYONE, (turn, args) -> {
                String[] a = args.split(" ");
                String caption = "x".repeat(Integer.parseInt(a[0]));
                boolean priv = List.of(a).contains("private");
                List<ButtonRow> buttons = List.of(a).contains("buttons")
                        ? List.of(ButtonRow.of(turn.button("OK", "file.ok", Map.of()))) : List.of();
                turn.send(new OutboundMessage(turn.conversation().id(), caption, TextStyle.PLAIN, buttons,
                        turn.triggeringMessage(), priv ? Delivery.PRIVATE : Delivery.PUBLIC, turn.actor().id(),
                        Priority.NORMAL, new OutboundFile("a.ics", "text/calendar", BYTES, "https://x.example/a.ics")));
            });

    @Test
    void theFileRidesOnTheLastChunkWhenItFitsAsCaption() {
        BotHarness bot = BotHarness.builder().feature(FILES).build();
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(sam, "/file 100 buttons");
        List<OutboundMessage> sent = bot.replies();
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.file().bytes()).isEqualTo(BYTES);
            assertThat(m.text()).hasSize(100);
            assertThat(m.allButtons()).hasSize(1);
            assertThat(m.replyTo()).isNotNull();
        });
    }

    @Test
    void textLongerThanACaptionGoesFirstAndTheFileFollowsAlone() {
        BotHarness bot = BotHarness.builder().feature(FILES).build();
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(sam, "/file 5600 buttons"); // Telegram: 4096 per message, then 1504 > 1024 per caption
        List<OutboundMessage> sent = bot.replies();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).file()).isNull();
        assertThat(sent.get(1).file()).isNull();
        assertThat(sent.get(1).allButtons()).hasSize(1);
        assertThat(sent.get(2).text()).isEmpty();
        assertThat(sent.get(2).file().fileName()).isEqualTo("a.ics");
        assertThat(sent.get(2).replyTo()).isNull();
    }

    @Test
    void aPrivateFileGoesToTheDirectChatAndAParkedOneKeepsItsLink() {
        FakeChatGateway gateway = FakeChatGateway.telegram();
        BotHarness bot = BotHarness.builder().gateway(gateway).feature(FILES).build();
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(sam, "/file 10 private");
        OutboundMessage dm = bot.replies().get(0);
        assertThat(dm.to().value()).isEqualTo("42");
        assertThat(dm.file()).isNotNull();

        gateway.closeDirectMessages(sam.id());
        bot.sayInGroup(sam, "/file 10 private");
        assertThat(bot.replies().get(0).text()).startsWith("I have a private reply for you. Open it here: ");
        String token = bot.lastReply().text().substring(bot.lastReply().text().indexOf("start=") + 6);
        Outbox.Pending pending = bot.core().context().outbox().takePending(token, sam.id(),
                new org.fellowship.core.model.ConversationId(sam.id().platform(), "42"));
        assertThat(pending.message().orElseThrow().text()).isEqualTo("x".repeat(10)
                + "\n\na.ics: https://x.example/a.ics");
    }

    @Test
    void theFileCopiesItsBytes() {
        byte[] bytes = {1, 2, 3};
        OutboundFile file = new OutboundFile("a.bin", "application/octet-stream", bytes);
        bytes[0] = 9;
        file.bytes()[1] = 9;
        assertThat(file.bytes()).containsExactly(1, 2, 3);
        assertThat(file).isEqualTo(new OutboundFile("a.bin", "application/octet-stream", new byte[] {1, 2, 3}));
        assertThat(file.toString()).doesNotContain("a.bin");
    }
}
