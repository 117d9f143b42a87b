package org.fellowship.telegram;

import java.util.List;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.OutboundMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** What text messages, documents and edits share on the way out: the inline keyboard and the reply target. Pure. */
final class TelegramMessageParts {

    private TelegramMessageParts() {
    }

    /** Button rows as an inline keyboard whose {@code callback_data} is the core's token. */
    static InlineKeyboardMarkup keyboard(List<ButtonRow> rows) {
        List<InlineKeyboardRow> keyboard = rows.stream()
                .map(r -> new InlineKeyboardRow(r.buttons().stream().map(TelegramMessageParts::button).toList()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
    }

    /**
     * The reply target of {@code message} as Bot API 7.0's {@code reply_parameters} (the older
     * {@code reply_to_message_id} is deprecated) when the replied message is in {@code chatId}, else {@code null}:
     * Telegram can only reply within a chat. A deleted target does not stop the message.
     */
    static ReplyParameters replyTo(OutboundMessage message, String chatId) {
        if (message.replyTo() != null && TelegramIds.chatId(message.replyTo().conversation()).equals(chatId)) {
            return ReplyParameters.builder().messageId(TelegramIds.messageId(message.replyTo().messageId()))
                    .allowSendingWithoutReply(true).build();
        }
        return null;
    }

    private static InlineKeyboardButton button(Button b) {
        return InlineKeyboardButton.builder().text(b.label()).callbackData(b.token()).build();
    }
}
