package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.GatewayException;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class TelegramHtmlAndConfigTest {

    @Test
    void messageLinksExistForSupergroupsAndTopicsOnly() {
        assertThat(TelegramIds.messageLink(new MessageRef(TelegramIds.chat(-1001234567890L), "42")))
                .contains("https://t.me/c/1234567890/42");
        assertThat(TelegramIds.messageLink(new MessageRef(TelegramIds.topic(-1001234567890L, 7), "42")))
                .contains("https://t.me/c/1234567890/7/42");
        assertThat(TelegramIds.messageLink(new MessageRef(TelegramIds.chat(-4242L), "42"))).isEmpty(); // basic group
        assertThat(TelegramIds.messageLink(new MessageRef(TelegramIds.chat(77L), "42"))).isEmpty(); // private chat
    }

    @Test
    void escapesTheThreeHtmlSpecialCharacters() {
        assertThat(TelegramHtml.escape("<a href=\"x\">&amp;</a>")).isEqualTo("&lt;a href=\"x\"&gt;&amp;amp;&lt;/a&gt;");
        assertThat(TelegramHtml.render("1 < 2", TextStyle.MONOSPACE)).isEqualTo("<pre>1 &lt; 2</pre>");
        assertThat(TelegramHtml.render("", TextStyle.PLAIN)).isEmpty();
    }

    @Test
    void escapedTextNeverContainsRawMarkup() {
        Random random = new Random(7);
        String alphabet = "<>&;/ab\"'#\n";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(30); j > 0; j--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String escaped = TelegramHtml.escape(s.toString());
            assertThat(escaped).doesNotContain("<", ">");
            String unescaped = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            assertThat(unescaped).isEqualTo(s.toString());
        }
    }

    @Test
    void configNeverPrintsTheToken() {
        TelegramConfig config = TelegramConfig.of("123:SECRET").withBotUsername("@fellowship_bot");
        assertThat(config.toString()).doesNotContain("SECRET").contains("fellowship_bot");
        assertThat(config.botUsername()).isEqualTo("fellowship_bot");
        assertThatThrownBy(() -> TelegramConfig.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorDescriptionsAreCutBeforeDetailsThatCouldQuoteText() {
        ApiResponse<Object> response = ApiResponse.builder().ok(false).errorCode(400)
                .errorDescription("Bad Request: can't parse entities: unsupported start tag \"secret\" at byte 3")
                .build();
        GatewayException e = TelegramErrors.map("sendMessage", TelegramErrors.Operation.SEND,
                new TelegramApiRequestException("x", response));
        assertThat(e.reason()).isEqualTo(GatewayException.Reason.INVALID);
        assertThat(e.getMessage()).contains("Bad Request: can't parse entities").doesNotContain("secret");
    }
}
