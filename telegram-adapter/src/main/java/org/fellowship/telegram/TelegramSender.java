package org.fellowship.telegram;

import java.util.Objects;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.telegram.TelegramApiCalls.ChatMoved;
import org.fellowship.telegram.TelegramApiCalls.CountedSend;
import org.fellowship.telegram.TelegramErrors.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Sending for {@link TelegramGateway}: text with {@code parse_mode=HTML}, fully escaped ({@link TelegramHtml}), and
 * button rows as an inline keyboard; a message with a file through {@link TelegramFiles#upload}; edits, button
 * acknowledgements and private chats.
 *
 * <p>Telegram bots may not write to a member first: {@link #openDirect} succeeds only for members in
 * {@link KnownPrivateChats}, and a 403 on a private send reports {@code DIRECT_MESSAGES_CLOSED} and forgets the member.
 * A post for a group that meanwhile became a supergroup tells the {@link ChatMigrationListener} and goes to the new id.
 *
 * <p><b>Threading:</b> thread-safe. <b>Failure:</b> {@link GatewayException} only.
 */
final class TelegramSender {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);
    private static final int MAX_TOAST = 200;

    private final TelegramApiCalls calls;
    private final TelegramFiles files;
    private final KnownPrivateChats privateChats;
    private final ChatMigrationListener migrations;

    TelegramSender(TelegramApiCalls calls, TelegramFiles files, KnownPrivateChats privateChats,
                   ChatMigrationListener migrations) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.files = Objects.requireNonNull(files, "files");
        this.privateChats = Objects.requireNonNull(privateChats, "privateChats");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
    }

    MessageRef send(OutboundMessage message) {
        try {
            return sendOnce(message);
        } catch (ChatMoved moved) {
            // A post for a group that meanwhile became a supergroup (a reminder, an announcement scheduled before):
            // move the community's state, then deliver to the new id instead of losing the message.
            ChatMigration migration = new ChatMigration(TelegramIds.community(Long.parseLong(
                    TelegramIds.chatId(message.to()))), TelegramIds.community(moved.newChatId()));
            LOG.info("telegram chat {} moved to {}; resending there", migration.from(), migration.to());
            try {
                migrations.migrated(migration);
            } catch (RuntimeException e) {
                LOG.error("moving the state of {} to {} failed", migration.from(), migration.to(), e);
            }
            OutboundMessage redirected = new OutboundMessage(TelegramIds.topic(moved.newChatId(),
                    TelegramIds.threadId(message.to())), message.text(), message.style(), message.buttonRows(), null,
                    message.delivery(), message.recipient(), message.priority()).withFile(message.file());
            try {
                return sendOnce(redirected);
            } catch (ChatMoved again) {
                throw new GatewayException(Reason.UNAVAILABLE, "the group moved twice; not sent");
            }
        }
    }

    private MessageRef sendOnce(OutboundMessage message) {
        try {
            return message.hasFile() ? files.upload(message) : sendText(message);
        } catch (GatewayException e) {
            if (e.reason() == Reason.DIRECT_MESSAGES_CLOSED) {
                privateChats.remove(TelegramIds.chatId(message.to()));
            }
            throw e;
        }
    }

    private MessageRef sendText(OutboundMessage message) {
        String chatId = TelegramIds.chatId(message.to());
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder()
                .chatId(chatId)
                .text(TelegramHtml.render(message.text(), message.style()))
                .parseMode(TelegramHtml.PARSE_MODE)
                .messageThreadId(TelegramIds.threadId(message.to()));
        if (message.hasButtons()) {
            b.replyMarkup(TelegramMessageParts.keyboard(message.buttonRows()));
        }
        ReplyParameters replyTo = TelegramMessageParts.replyTo(message, chatId);
        if (replyTo != null) {
            b.replyParameters(replyTo);
        }
        CountedSend counted = CountedSend.to(chatId, message.priority());
        Message sent = calls.call("sendMessage", counted.sendOperation(), b.build(), counted);
        return new MessageRef(message.to(), sent.getMessageId().toString());
    }

    void edit(MessageRef target, OutboundMessage replacement) {
        String chatId = TelegramIds.chatId(target.conversation());
        EditMessageText.EditMessageTextBuilder<?, ?> b = EditMessageText.builder()
                .chatId(chatId)
                .messageId(TelegramIds.messageId(target.messageId()))
                .text(TelegramHtml.render(replacement.text(), replacement.style()))
                .parseMode(TelegramHtml.PARSE_MODE);
        if (replacement.hasButtons()) {
            b.replyMarkup(TelegramMessageParts.keyboard(replacement.buttonRows()));
        }
        try {
            calls.call("editMessageText", Operation.EDIT, b.build(), CountedSend.to(chatId, replacement.priority()));
        } catch (GatewayException e) {
            if (e.getMessage() != null && e.getMessage().contains("message is not modified")) {
                return;
            }
            throw e;
        }
    }

    void acknowledge(ButtonPressed press, String notice) {
        if (press.callbackId() == null) {
            return;
        }
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> b = AnswerCallbackQuery.builder()
                .callbackQueryId(press.callbackId());
        if (notice != null && !notice.isBlank()) {
            b.text(notice.length() > MAX_TOAST ? notice.substring(0, MAX_TOAST - 1) + "…" : notice);
        }
        try {
            calls.call("answerCallbackQuery", Operation.OTHER, b.build());
        } catch (GatewayException e) {
            if (e.reason() == Reason.INVALID || e.reason() == Reason.NOT_FOUND) {
                // "query is too old" or already answered: acknowledging is idempotent.
                LOG.debug("answerCallbackQuery for event {} ignored: {}", press.eventId(), e.reason());
                return;
            }
            throw e;
        }
    }

    /** The member's private chat, if they have started the bot; else {@code DIRECT_MESSAGES_CLOSED}. */
    ConversationId openDirect(ChatUserId member) {
        long userId = TelegramIds.userId(member);
        String id = Long.toString(userId);
        boolean known;
        try {
            known = privateChats.contains(id);
        } catch (RuntimeException e) {
            LOG.warn("known private chats unavailable for {}: {}", member, e.getClass().getSimpleName());
            known = false;
        }
        if (!known) {
            throw new GatewayException(Reason.DIRECT_MESSAGES_CLOSED,
                    "Telegram bots cannot start a private chat; " + member + " has not started the bot");
        }
        return TelegramIds.chat(userId);
    }
}
