package org.fellowship.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.OutboundFile;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.port.PlatformCapabilities;
import org.fellowship.telegram.TelegramErrors.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMemberCount;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.methods.groupadministration.RestrictChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ChatPermissions;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The core's {@link ChatGateway} and {@link GroupAdminGateway} on the Telegram Bot API (TelegramBots'
 * {@code OkHttpTelegramClient} over an OkHttp client this gateway owns).
 *
 * <ul>
 *   <li>Text goes out with {@code parse_mode=HTML}, fully escaped ({@link TelegramHtml}); monospace becomes
 *       {@code <pre>}. Button rows become an inline keyboard whose {@code callback_data} is the core's token. A
 *       message with a file is a multipart {@code sendDocument} with the text as caption.</li>
 *   <li>{@link #download} fetches a member's document with {@code getFile} and the file URL, size-capped.</li>
 *   <li>Telegram bots may not write to a member first: {@link #openDirect} succeeds only for members in
 *       {@link KnownPrivateChats} (fed by the receiving side), otherwise it throws {@code DIRECT_MESSAGES_CLOSED} and
 *       the core falls back to {@link #startLink}. A 403 on a private send also reports {@code DIRECT_MESSAGES_CLOSED}
 *       and forgets the member.</li>
 *   <li>HTTP 429 is retried after {@code retry_after} up to {@link TelegramConfig#maxRetries()} times when the wait
 *       is at most {@link TelegramConfig#maxRetryWait()}; otherwise {@code RATE_LIMITED}. Other failures are not
 *       retried (a 5xx may have delivered already): 5xx and network errors are {@code UNAVAILABLE}, 403
 *       {@code FORBIDDEN}, refused deletions older than 48 hours {@code TOO_OLD}, the rest {@code NOT_FOUND} or
 *       {@code INVALID}.</li>
 *   <li>{@link #moderators} comes from {@code getChatAdministrators}, cached for
 *       {@link TelegramConfig#adminCacheTtl()} and dropped by {@link #invalidateModerators} on admin changes.
 *       {@link #audience} compares that list with {@code getChatMemberCount}.</li>
 * </ul>
 *
 * <p><b>Threading:</b> thread-safe; calls block the caller for at most the request timeout plus honoured 429 waits.
 * <b>Nullness:</b> as the ports say; no method returns {@code null}. <b>Failure:</b> {@link GatewayException} only.
 * Logs carry method names, chat and user ids and Telegram's error text, never message text, names or the token.
 * <b>Lifecycle:</b> call {@link #refreshIdentity()} once at start (learns the username and privacy mode), and
 * {@link #close()} at stop.
 */
public final class TelegramGateway implements ChatGateway, GroupAdminGateway, ModeratorLookup, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramGateway.class);
    private static final int MAX_TOAST = 200;
    /** Telegram treats restrictions shorter than 30 s as forever. */
    private static final Duration MIN_RESTRICTION = Duration.ofSeconds(35);

    private final TelegramConfig config;
    private final KnownPrivateChats privateChats;
    private final ChatMigrationListener migrations;
    private final SendPermits permits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TelegramHttp http;
    private final Map<String, CachedAdmins> admins = new ConcurrentHashMap<>();
    private final Map<String, CachedCount> memberCounts = new ConcurrentHashMap<>();
    private volatile BotIdentity identity;
    private volatile OkHttpClient downloadClient;

    /**
     * A group's administrators: moderators, mentors (admins titled as mentors without moderation rights), and the user
     * ids of all of them, bots included (to compare with the member count).
     */
    private record CachedAdmins(Set<ChatUserId> ids, Set<ChatUserId> mentors, Set<Long> all, Instant fetched) {
    }

    private record CachedCount(int count, Instant fetched) {
    }

    /** How long a chat's member count is trusted: joins are not reported to the gateway, so keep it short. */
    static final Duration MEMBER_COUNT_TTL = Duration.ofSeconds(30);

    /** An administrator's custom title containing this (any case) makes them a mentor, e.g. "Mentor", "Peer mentor". */
    static final String MENTOR_TITLE = "mentor";

    /**
     * @param config       API location, token and limits
     * @param privateChats members known to have started the bot (share it with {@link TelegramUpdateDispatcher})
     * @param permits      outbound rate limiting; {@link SendPermits#NONE} for none
     * @param clock        time source for mutes and caches
     */
    public TelegramGateway(TelegramConfig config, KnownPrivateChats privateChats, SendPermits permits, Clock clock) {
        this(config, privateChats, permits, ChatMigrationListener.NONE, clock);
    }

    /**
     * @param migrations told when a send finds that a group became a supergroup (Telegram answers with the new id);
     *                   the message then goes to the new id
     */
    public TelegramGateway(TelegramConfig config, KnownPrivateChats privateChats, SendPermits permits,
                           ChatMigrationListener migrations, Clock clock) {
        this(config, privateChats, permits, migrations, clock, Sleeper.REAL);
    }

    /** @param sleeper how a 429's {@code retry_after} is waited out (tests move their clock instead) */
    TelegramGateway(TelegramConfig config, KnownPrivateChats privateChats, SendPermits permits,
                    ChatMigrationListener migrations, Clock clock, Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.config = Objects.requireNonNull(config, "config");
        this.privateChats = Objects.requireNonNull(privateChats, "privateChats");
        this.permits = Objects.requireNonNull(permits, "permits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new TelegramHttp(config, "telegram-send", config.requestTimeout().toMillis());
        if (config.botUsername() != null) {
            this.identity = new BotIdentity(0, config.botUsername(), false);
        }
    }

    /** Calls {@code getMe}: learns the bot's username and whether privacy mode is off. Call at start-up. */
    public BotIdentity refreshIdentity() {
        User me = call("getMe", Operation.OTHER, new GetMe());
        BotIdentity id = new BotIdentity(me.getId(), me.getUserName(),
                Boolean.TRUE.equals(me.getCanReadAllGroupMessages()));
        identity = id;
        LOG.info("telegram bot id {} reads all group messages: {}", id.id(), id.canReadAllGroupMessages());
        return id;
    }

    /** The identity from the last {@link #refreshIdentity()}, or empty before it (unless the config named the bot). */
    public Optional<BotIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public PlatformCapabilities capabilities() {
        BotIdentity id = identity;
        return PlatformCapabilities.telegram(id != null && id.canReadAllGroupMessages());
    }

    @Override
    public MessageRef send(OutboundMessage message) {
        try {
            return sendOnce(message);
        } catch (ChatMoved moved) {
            // A post for a group that meanwhile became a supergroup (a reminder, an announcement scheduled before):
            // move the community's state, then deliver to the new id instead of losing the message.
            ChatMigration migration = new ChatMigration(TelegramIds.community(Long.parseLong(
                    TelegramIds.chatId(message.to()))), TelegramIds.community(moved.newChatId));
            LOG.info("telegram chat {} moved to {}; resending there", migration.from(), migration.to());
            try {
                migrations.migrated(migration);
            } catch (RuntimeException e) {
                LOG.error("moving the state of {} to {} failed", migration.from(), migration.to(), e);
            }
            OutboundMessage redirected = new OutboundMessage(TelegramIds.topic(moved.newChatId,
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
        if (message.hasFile()) {
            return sendDocumentOnce(message);
        }
        String chatId = TelegramIds.chatId(message.to());
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder()
                .chatId(chatId)
                .text(TelegramHtml.render(message.text(), message.style()))
                .parseMode(TelegramHtml.PARSE_MODE)
                .messageThreadId(TelegramIds.threadId(message.to()));
        if (message.hasButtons()) {
            b.replyMarkup(keyboard(message.buttonRows()));
        }
        if (message.replyTo() != null
                && TelegramIds.chatId(message.replyTo().conversation()).equals(chatId)) {
            b.replyToMessageId(TelegramIds.messageId(message.replyTo().messageId())).allowSendingWithoutReply(true);
        }
        boolean direct = isPrivate(chatId);
        try {
            Message sent = callRaw("sendMessage", direct ? Operation.SEND_PRIVATE : Operation.SEND, b.build(),
                    new Limited(chatId, direct, message.priority()));
            return new MessageRef(message.to(), sent.getMessageId().toString());
        } catch (GatewayException e) {
            if (e.reason() == Reason.DIRECT_MESSAGES_CLOSED) {
                privateChats.remove(chatId);
            }
            throw e;
        }
    }

    /** {@code sendDocument} (multipart): the file with the text as its HTML caption, buttons and reply as usual. */
    private MessageRef sendDocumentOnce(OutboundMessage message) {
        String chatId = TelegramIds.chatId(message.to());
        OutboundFile file = message.file();
        SendDocument.SendDocumentBuilder<?, ?> b = SendDocument.builder()
                .chatId(chatId)
                .document(new InputFile(new ByteArrayInputStream(file.bytes()), file.fileName()))
                .messageThreadId(TelegramIds.threadId(message.to()));
        if (!message.text().isBlank()) {
            b.caption(TelegramHtml.render(message.text(), message.style())).parseMode(TelegramHtml.PARSE_MODE);
        }
        if (message.hasButtons()) {
            b.replyMarkup(keyboard(message.buttonRows()));
        }
        if (message.replyTo() != null
                && TelegramIds.chatId(message.replyTo().conversation()).equals(chatId)) {
            b.replyToMessageId(TelegramIds.messageId(message.replyTo().messageId())).allowSendingWithoutReply(true);
        }
        boolean direct = isPrivate(chatId);
        SendDocument request = b.build();
        try {
            // the library runs multipart methods through another execute overload; limits and retries are the same
            Message sent = execute("sendDocument", direct ? Operation.SEND_PRIVATE : Operation.SEND,
                    () -> http.client().execute(request), new Limited(chatId, direct, message.priority()));
            LOG.debug("sendDocument to {}: {} bytes", chatId, file.size());
            return new MessageRef(message.to(), sent.getMessageId().toString());
        } catch (GatewayException e) {
            if (e.reason() == Reason.DIRECT_MESSAGES_CLOSED) {
                privateChats.remove(chatId);
            }
            throw e;
        }
    }

    /**
     * Fetches a document a member sent: {@code getFile}, then a GET of {@code <api>/file/bot<token>/<file_path>} over
     * this gateway's OkHttp client (the library's own download ignores a custom API URL), reading at most
     * {@code maxBytes}. Bots may download files of up to 20 MB; Telegram gives larger ones no path.
     */
    @Override
    public byte[] download(Attachment attachment, long maxBytes) {
        if (attachment.knownLargerThan(maxBytes)) {
            throw tooLarge(maxBytes);
        }
        org.telegram.telegrambots.meta.api.objects.File file = call("getFile", Operation.OTHER,
                GetFile.builder().fileId(attachment.platformFileRef()).build());
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            throw new GatewayException(Reason.NOT_FOUND, "getFile gave no file path (bots cannot download files "
                    + "over 20 MB)");
        }
        HttpUrl url = new HttpUrl.Builder().scheme(config.apiUrl().getScheme()).host(config.apiUrl().getHost())
                .port(config.port()).addPathSegment("file").addPathSegment("bot" + config.token())
                .addPathSegments(file.getFilePath()).build();
        Request request = new Request.Builder().url(url).get().build();
        // Never log the URL: it carries the token.
        try (Response response = downloads().newCall(request).execute()) {
            if (response.code() == 404) {
                throw new GatewayException(Reason.NOT_FOUND, "file download answered HTTP 404");
            }
            if (!response.isSuccessful() || response.body() == null) {
                throw new GatewayException(Reason.UNAVAILABLE, "file download answered HTTP " + response.code());
            }
            long declared = response.body().contentLength();
            if (declared > maxBytes) {
                throw tooLarge(maxBytes);
            }
            try (InputStream in = response.body().byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new GatewayException(Reason.UNAVAILABLE, "file download failed: " + e.getClass().getSimpleName());
        }
    }

    private OkHttpClient downloads() {
        OkHttpClient client = downloadClient;
        if (client == null) {
            // shares the dispatcher and pool (released by close()); bounds the whole transfer, follows no redirect
            client = http.http().newBuilder().callTimeout(config.requestTimeout().multipliedBy(2))
                    .followRedirects(false).followSslRedirects(false).build();
            downloadClient = client;
        }
        return client;
    }

    private static GatewayException tooLarge(long maxBytes) {
        return new GatewayException(Reason.TOO_LARGE, "file larger than " + maxBytes + " bytes");
    }

    @Override
    public void edit(MessageRef target, OutboundMessage replacement) {
        String chatId = TelegramIds.chatId(target.conversation());
        EditMessageText.EditMessageTextBuilder<?, ?> b = EditMessageText.builder()
                .chatId(chatId)
                .messageId(TelegramIds.messageId(target.messageId()))
                .text(TelegramHtml.render(replacement.text(), replacement.style()))
                .parseMode(TelegramHtml.PARSE_MODE);
        if (replacement.hasButtons()) {
            b.replyMarkup(keyboard(replacement.buttonRows()));
        }
        try {
            callRaw("editMessageText", Operation.EDIT, b.build(),
                    new Limited(chatId, isPrivate(chatId), replacement.priority()));
        } catch (GatewayException e) {
            if (e.getMessage() != null && e.getMessage().contains("message is not modified")) {
                return;
            }
            throw e;
        }
    }

    @Override
    public void acknowledge(ButtonPressed press, String notice) {
        if (press.callbackId() == null) {
            return;
        }
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> b = AnswerCallbackQuery.builder()
                .callbackQueryId(press.callbackId());
        if (notice != null && !notice.isBlank()) {
            b.text(notice.length() > MAX_TOAST ? notice.substring(0, MAX_TOAST - 1) + "…" : notice);
        }
        try {
            call("answerCallbackQuery", Operation.OTHER, b.build());
        } catch (GatewayException e) {
            if (e.reason() == Reason.INVALID || e.reason() == Reason.NOT_FOUND) {
                // "query is too old" or already answered: acknowledging is idempotent.
                LOG.debug("answerCallbackQuery for event {} ignored: {}", press.eventId(), e.reason());
                return;
            }
            throw e;
        }
    }

    @Override
    public ConversationId openDirect(ChatUserId member) {
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

    @Override
    public Optional<String> messageLink(Conversation where, MessageRef message) {
        return where.isDirect() ? Optional.empty() : TelegramIds.messageLink(message);
    }

    @Override
    public Optional<String> startLink(String startToken) {
        BotIdentity id = identity;
        if (id == null || id.username() == null) {
            return Optional.empty();
        }
        return Optional.of("https://t.me/" + id.username() + "?start=" + startToken);
    }

    @Override
    public void delete(MessageRef message) {
        String chatId = TelegramIds.chatId(message.conversation());
        call("deleteMessage", Operation.DELETE, DeleteMessage.builder().chatId(chatId)
                .messageId(TelegramIds.messageId(message.messageId())).build());
    }

    @Override
    public void mute(ConversationId group, ChatUserId member, Instant until) {
        Instant earliest = clock.instant().plus(MIN_RESTRICTION);
        Instant effective = until.isBefore(earliest) ? earliest : until;
        ChatPermissions none = ChatPermissions.builder()
                .canSendMessages(false).canSendAudios(false).canSendDocuments(false).canSendPhotos(false)
                .canSendVideos(false).canSendVideoNotes(false).canSendVoiceNotes(false).canSendPolls(false)
                .canSendOtherMessages(false).canAddWebPagePreviews(false)
                .build();
        call("restrictChatMember", Operation.ADMIN, RestrictChatMember.builder()
                .chatId(TelegramIds.chatId(group)).userId(TelegramIds.userId(member))
                .permissions(none).useIndependentChatPermissions(true)
                .untilDate((int) effective.getEpochSecond()).build());
    }

    @Override
    public void unmute(ConversationId group, ChatUserId member) {
        // Telegram lifts a restriction when every permission is granted again.
        ChatPermissions all = ChatPermissions.builder()
                .canSendMessages(true).canSendAudios(true).canSendDocuments(true).canSendPhotos(true)
                .canSendVideos(true).canSendVideoNotes(true).canSendVoiceNotes(true).canSendPolls(true)
                .canSendOtherMessages(true).canAddWebPagePreviews(true)
                .build();
        call("restrictChatMember", Operation.ADMIN, RestrictChatMember.builder()
                .chatId(TelegramIds.chatId(group)).userId(TelegramIds.userId(member))
                .permissions(all).useIndependentChatPermissions(true).build());
    }

    @Override
    public void kick(ConversationId group, ChatUserId member) {
        ban(group, member);
        try {
            unban(group, member);
        } catch (GatewayException e) {
            throw new GatewayException(e.reason(), "kick of " + member + " in " + group
                    + " removed the member but left them banned: " + e.getMessage(), e);
        }
    }

    @Override
    public void ban(ConversationId group, ChatUserId member) {
        call("banChatMember", Operation.ADMIN, BanChatMember.builder()
                .chatId(TelegramIds.chatId(group)).userId(TelegramIds.userId(member)).revokeMessages(false).build());
    }

    @Override
    public void unban(ConversationId group, ChatUserId member) {
        call("unbanChatMember", Operation.ADMIN, UnbanChatMember.builder()
                .chatId(TelegramIds.chatId(group)).userId(TelegramIds.userId(member)).onlyIfBanned(true).build());
    }

    /**
     * Only moderators read a chat (or a topic: its chat's members read it) when every member is an administrator:
     * {@code getChatMemberCount} (cached {@link #MEMBER_COUNT_TTL}) against the cached administrator list, bots
     * included on both sides. The bot itself never counts against the chat, administrator or not. Administrators
     * titled as mentors count as administrators: they are in the escalation chain anyway.
     */
    @Override
    public ChatAudience audience(ConversationId chat) {
        // the problem ends with a full stop: the core goes on with a sentence of its own
        String chatId = TelegramIds.chatId(chat);
        CachedAdmins admins = admins(chat);
        int members = memberCount(chatId);
        BotIdentity me = identity;
        // an unknown bot id (0 before getMe) is not subtracted: the bot then counts as a non-administrator (fail safe)
        boolean botOutsideAdmins = me != null && me.id() != 0 && !admins.all().contains(me.id());
        int others = members - admins.all().size() - (botOutsideAdmins ? 1 : 0);
        if (others <= 0) {
            return ChatAudience.onlyModerators();
        }
        return ChatAudience.wider(others + " of the " + members + " members of this chat "
                + (others == 1 ? "is not an administrator" : "are not administrators")
                + ": use a chat where only moderators are members (or make them administrators).");
    }

    private int memberCount(String chatId) {
        Instant now = clock.instant();
        CachedCount cached = memberCounts.get(chatId);
        if (cached != null && cached.fetched().plus(MEMBER_COUNT_TTL).isAfter(now)) {
            return cached.count();
        }
        Integer count = call("getChatMemberCount", Operation.ADMIN, GetChatMemberCount.builder().chatId(chatId).build());
        if (count == null) {
            throw new GatewayException(Reason.UNAVAILABLE, "getChatMemberCount gave no count");
        }
        memberCounts.put(chatId, new CachedCount(count, now));
        return count;
    }

    /**
     * The group's moderators: its owner and administrators, except administrators whose custom title names them a
     * mentor and who hold neither the right to delete messages nor to restrict members (Telegram has no roles, so a
     * group makes someone a mentor by promoting them with no rights and the title "Mentor").
     */
    @Override
    public Set<ChatUserId> moderators(ConversationId group) {
        return admins(group).ids();
    }

    /** The group's mentors: administrators whose custom title contains {@value #MENTOR_TITLE} (any case). */
    public Set<ChatUserId> mentors(ConversationId group) {
        return admins(group).mentors();
    }

    private CachedAdmins admins(ConversationId group) {
        String chatId = TelegramIds.chatId(group);
        CachedAdmins cached = admins.get(chatId);
        Instant now = clock.instant();
        if (cached != null && cached.fetched().plus(config.adminCacheTtl()).isAfter(now)) {
            return cached;
        }
        List<ChatMember> list = call("getChatAdministrators", Operation.ADMIN,
                GetChatAdministrators.builder().chatId(chatId).build());
        Set<ChatUserId> moderators = new java.util.HashSet<>();
        Set<ChatUserId> mentors = new java.util.HashSet<>();
        Set<Long> all = new java.util.HashSet<>();
        for (ChatMember m : list) {
            if (m.getUser() != null) {
                all.add(m.getUser().getId());
            }
            if (m.getUser() == null || Boolean.TRUE.equals(m.getUser().getIsBot())) {
                continue;
            }
            ChatUserId id = TelegramIds.user(m.getUser().getId());
            if (m instanceof ChatMemberAdministrator a && a.getCustomTitle() != null
                    && a.getCustomTitle().toLowerCase(java.util.Locale.ROOT).contains(MENTOR_TITLE)) {
                mentors.add(id);
                if (!Boolean.TRUE.equals(a.getCanDeleteMessages()) && !Boolean.TRUE.equals(a.getCanRestrictMembers())) {
                    continue; // a mentor, not a moderator
                }
            }
            moderators.add(id);
        }
        CachedAdmins fresh = new CachedAdmins(Set.copyOf(moderators), Set.copyOf(mentors), Set.copyOf(all), now);
        admins.put(chatId, fresh);
        return fresh;
    }

    /** Drops the cached administrator list and member count of a chat (called when Telegram reports an admin change). */
    public void invalidateModerators(ConversationId group) {
        admins.remove(TelegramIds.chatId(group));
        memberCounts.remove(TelegramIds.chatId(group));
    }

    /** {@link ModeratorLookup} for the mapper: cached admin list; {@code false} when Telegram cannot tell. */
    @Override
    public boolean isModerator(ConversationId group, ChatUserId member) {
        try {
            return moderators(group).contains(member);
        } catch (GatewayException e) {
            LOG.debug("admin list of {} unavailable: {}", group, e.reason());
            return false;
        }
    }

    /** {@link ModeratorLookup} for the mapper: cached admin list; {@code false} when Telegram cannot tell. */
    @Override
    public boolean isMentor(ConversationId group, ChatUserId member) {
        try {
            return mentors(group).contains(member);
        } catch (GatewayException e) {
            LOG.debug("admin list of {} unavailable: {}", group, e.reason());
            return false;
        }
    }

    /** Releases the HTTP client's threads and connections. Idempotent. */
    @Override
    public void close() {
        http.close();
    }

    /**
     * Registers the webhook ({@code setWebhook}) with the secret and {@link TelegramLongPolling#ALLOWED_UPDATES}.
     * Package-private: apps call {@link TelegramAdapter#registerWebhook}.
     */
    void setWebhook(String url, String secretToken) {
        try {
            http.client().execute(SetWebhook.builder().url(url).secretToken(secretToken)
                    .allowedUpdates(TelegramLongPolling.ALLOWED_UPDATES).build());
        } catch (TelegramApiException e) {
            GatewayException mapped = TelegramErrors.map("setWebhook", Operation.OTHER, e);
            LOG.warn("setWebhook failed: {}", mapped.reason());
            throw mapped;
        }
    }

    /** The TelegramBots client this gateway uses, for adapter-internal helpers such as the command menu. */
    OkHttpTelegramClient client() {
        return http.client();
    }

    private static boolean isPrivate(String chatId) {
        return !chatId.startsWith("-");
    }

    private static InlineKeyboardMarkup keyboard(List<ButtonRow> rows) {
        List<InlineKeyboardRow> keyboard = rows.stream()
                .map(r -> new InlineKeyboardRow(r.buttons().stream().map(TelegramGateway::button).toList()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
    }

    private static InlineKeyboardButton button(Button b) {
        return InlineKeyboardButton.builder().text(b.label()).callbackData(b.token()).build();
    }

    <T extends Serializable> T call(String method, Operation op, BotApiMethod<T> request) {
        return callRaw(method, op, request, null);
    }

    /** A call that counts against the send limits: the chat it goes to and its priority. */
    private record Limited(String chatId, boolean privateChat, Priority priority) {
    }

    /**
     * Executes {@code request}, retrying after 429s. When {@code limited} is non-null every attempt (retries too) first
     * takes a permit, closed once Telegram answered or the attempt failed.
     */
    private <T extends Serializable> T callRaw(String method, Operation op, BotApiMethod<T> request, Limited limited) {
        return execute(method, op, () -> http.client().execute(request), limited);
    }

    /** One request to the Bot API, as the library's client makes it. */
    @FunctionalInterface
    private interface ApiCall<T> {
        T execute() throws TelegramApiException;
    }

    /** {@link #callRaw} for any request (multipart ones too): permits per attempt, 429 retries, errors mapped. */
    private <T> T execute(String method, Operation op, ApiCall<T> request, Limited limited) {
        int attempt = 0;
        while (true) {
            SendPermits.Permit permit = limited == null ? SendPermits.Permit.NONE
                    : permits.acquire(limited.chatId(), limited.privateChat(), limited.priority());
            try (permit) {
                return request.execute();
            } catch (TelegramApiException e) {
                int code = TelegramErrors.code(e);
                int retryAfter = TelegramErrors.retryAfter(e);
                if (code == 429 && attempt < config.maxRetries()
                        && Duration.ofSeconds(Math.max(retryAfter, 1)).compareTo(config.maxRetryWait()) <= 0) {
                    attempt++;
                    Duration wait = Duration.ofSeconds(Math.max(retryAfter, 1));
                    LOG.info("{} rate-limited, retry {} after {} s", method, attempt, wait.toSeconds());
                    permits.backOff(wait);
                    sleep(wait);
                    continue;
                }
                Long movedTo = TelegramErrors.migratedTo(e);
                if (movedTo != null && op == Operation.SEND) {
                    throw new ChatMoved(movedTo); // send() resends to the new id
                }
                GatewayException mapped = TelegramErrors.map(method, op, e);
                LOG.warn("{} failed: {} (code {})", method, mapped.reason(), code);
                throw mapped;
            } catch (RuntimeException e) {
                throw new GatewayException(Reason.UNAVAILABLE, method + " failed: " + e.getClass().getSimpleName(), e);
            }
        }
    }

    /** Telegram refused a call because the group is now a supergroup with {@link #newChatId}. */
    private static final class ChatMoved extends RuntimeException {
        private final long newChatId;

        ChatMoved(long newChatId) {
            super("the group became a supergroup with a new chat id", null, false, false);
            this.newChatId = newChatId;
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new GatewayException(Reason.UNAVAILABLE, "interrupted while waiting for Telegram's retry_after");
        }
    }
}
