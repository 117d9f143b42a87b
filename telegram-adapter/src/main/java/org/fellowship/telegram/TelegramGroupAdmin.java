package org.fellowship.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.GatewayException;
import org.fellowship.telegram.TelegramErrors.Operation;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.RestrictChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.ChatPermissions;

/**
 * Moderation actions for {@link TelegramGateway}: deleting, restricting (mute and unmute), banning, unbanning and
 * kicking (ban, then unban), and who can read a chat ({@link #audience}, from {@link TelegramChatAdmins}). Refused
 * deletions older than 48 hours are {@code TOO_OLD}, missing rights {@code FORBIDDEN} ({@link TelegramErrors}).
 *
 * <p><b>Threading:</b> thread-safe. <b>Failure:</b> {@link GatewayException} only.
 */
final class TelegramGroupAdmin {
    /** Telegram treats restrictions shorter than 30 s as forever. */
    private static final Duration MIN_RESTRICTION = Duration.ofSeconds(35);

    private final TelegramApiCalls calls;
    private final TelegramChatAdmins admins;
    private final Clock clock;
    private final Supplier<BotIdentity> identity;

    /** @param identity the bot's identity as last learned, or {@code null} before {@code getMe} */
    TelegramGroupAdmin(TelegramApiCalls calls, TelegramChatAdmins admins, Clock clock, Supplier<BotIdentity> identity) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.admins = Objects.requireNonNull(admins, "admins");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    void delete(MessageRef message) {
        String chatId = TelegramIds.chatId(message.conversation());
        calls.call("deleteMessage", Operation.DELETE, DeleteMessage.builder().chatId(chatId)
                .messageId(TelegramIds.messageId(message.messageId())).build());
    }

    void mute(ConversationId group, ChatUserId member, Instant until) {
        Instant earliest = clock.instant().plus(MIN_RESTRICTION);
        Instant effective = until.isBefore(earliest) ? earliest : until;
        ChatPermissions none = ChatPermissions.builder()
                .canSendMessages(false).canSendAudios(false).canSendDocuments(false).canSendPhotos(false)
                .canSendVideos(false).canSendVideoNotes(false).canSendVoiceNotes(false).canSendPolls(false)
                .canSendOtherMessages(false).canAddWebPagePreviews(false)
                .build();
        calls.call("restrictChatMember", Operation.ADMIN, RestrictChatMember.builder()
                .chatId(TelegramIds.chatId(group)).userId(TelegramIds.userId(member))
                .permissions(none).useIndependentChatPermissions(true)
                .untilDate((int) effective.getEpochSecond()).build());
    }

    void unmute(ConversationId group, ChatUserId member) {
        // Telegram lifts a restriction when every permission is granted again.
        ChatPermissions all = ChatPermissions.builder()
                .canSendMessages(true).canSendAudios(true).canSendDocuments(true).canSendPhotos(true)
                .canSendVideos(true).canSendVideoNotes(true).canSendVoiceNotes(true).canSendPolls(true)
                .canSendOtherMessages(true).canAddWebPagePreviews(true)
                .build();
        calls.call("restrictChatMember", Operation.ADMIN, RestrictChatMember.builder()
                .chatId(TelegramIds.chatId(group)).userId(TelegramIds.userId(member))
                .permissions(all).useIndependentChatPermissions(true).build());
    }

    void kick(ConversationId group, ChatUserId member) {
        ban(group, member);
        try {
            unban(group, member);
        } catch (GatewayException e) {
            throw new GatewayException(e.reason(), "kick of " + member + " in " + group
                    + " removed the member but left them banned: " + e.getMessage(), e);
        }
    }

    void ban(ConversationId group, ChatUserId member) {
        calls.call("banChatMember", Operation.ADMIN, BanChatMember.builder()
                .chatId(TelegramIds.chatId(group)).userId(TelegramIds.userId(member)).revokeMessages(false).build());
    }

    void unban(ConversationId group, ChatUserId member) {
        calls.call("unbanChatMember", Operation.ADMIN, UnbanChatMember.builder()
                .chatId(TelegramIds.chatId(group)).userId(TelegramIds.userId(member)).onlyIfBanned(true).build());
    }

    /**
     * Only moderators read a chat (or a topic: its chat's members read it) when every member is an administrator:
     * the member count (cached {@link TelegramChatAdmins#MEMBER_COUNT_TTL}) against the cached administrator list, bots
     * included on both sides. The bot itself never counts against the chat, administrator or not. Administrators
     * titled as mentors count as administrators: they are in the escalation chain anyway.
     */
    ChatAudience audience(ConversationId chat) {
        // the problem ends with a full stop: the core goes on with a sentence of its own
        String chatId = TelegramIds.chatId(chat);
        TelegramChatAdmins.Administrators chatAdmins = admins.administrators(chat);
        int members = admins.memberCount(chatId);
        BotIdentity me = identity.get();
        // an unknown bot id (0 before getMe) is not subtracted: the bot then counts as a non-administrator (fail safe)
        boolean botOutsideAdmins = me != null && me.id() != 0 && !chatAdmins.all().contains(me.id());
        int others = members - chatAdmins.all().size() - (botOutsideAdmins ? 1 : 0);
        if (others <= 0) {
            return ChatAudience.onlyModerators();
        }
        return ChatAudience.wider(others + " of the " + members + " members of this chat "
                + (others == 1 ? "is not an administrator" : "are not administrators")
                + ": use a chat where only moderators are members (or make them administrators).");
    }
}
