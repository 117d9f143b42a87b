package org.fellowship.telegram;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.port.PlatformCapabilities;
import org.fellowship.telegram.TelegramErrors.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The core's {@link ChatGateway} and {@link GroupAdminGateway} on the Telegram Bot API (TelegramBots'
 * {@code OkHttpTelegramClient} over an OkHttp client this gateway owns). It only holds the bot's identity and
 * delegates:
 *
 * <ul>
 *   <li>sending, edits, acknowledgements and private chats to {@link TelegramSender}: text goes out with
 *       {@code parse_mode=HTML}, fully escaped; button rows become an inline keyboard whose {@code callback_data} is
 *       the core's token. Telegram bots may not write to a member first: {@link #openDirect} succeeds only for members
 *       in {@link KnownPrivateChats} (fed by the receiving side), otherwise it throws {@code DIRECT_MESSAGES_CLOSED}
 *       and the core falls back to {@link #startLink}. A 403 on a private send also reports
 *       {@code DIRECT_MESSAGES_CLOSED} and forgets the member.</li>
 *   <li>files to {@link TelegramFiles}: a message with a file is a multipart {@code sendDocument} with the text as
 *       caption; {@link #download} fetches a member's document with {@code getFile} and the file URL, size-capped.</li>
 *   <li>moderation to {@link TelegramGroupAdmin}, and the administrator lists behind {@link #moderators},
 *       {@link #audience} and the {@link ModeratorLookup} to {@link TelegramChatAdmins} (cached for
 *       {@link TelegramConfig#adminCacheTtl()}, dropped by {@link #invalidateModerators} on admin changes).</li>
 *   <li>every request to {@link TelegramApiCalls}: HTTP 429 is retried after {@code retry_after} up to
 *       {@link TelegramConfig#maxRetries()} times when the wait is at most {@link TelegramConfig#maxRetryWait()};
 *       otherwise {@code RATE_LIMITED}. Other failures are not retried (a 5xx may have delivered already): 5xx and
 *       network errors are {@code UNAVAILABLE}, 403 {@code FORBIDDEN}, refused deletions older than 48 hours
 *       {@code TOO_OLD}, the rest {@code NOT_FOUND} or {@code INVALID}.</li>
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

    private final TelegramApiCalls calls;
    private final TelegramSender sender;
    private final TelegramFiles files;
    private final TelegramChatAdmins admins;
    private final TelegramGroupAdmin groupAdmin;
    private volatile BotIdentity identity;

    /**
     * @param config       API location, token and limits
     * @param privateChats members known to have started the bot (share it with {@link TelegramUpdateDispatcher})
     * @param permits      outbound rate limiting; {@link SendPermits#NONE} for none
     * @param clock        time source for mutes and caches
     */
    TelegramGateway(TelegramConfig config, KnownPrivateChats privateChats, SendPermits permits, Clock clock) {
        this(config, privateChats, permits, ChatMigrationListener.NONE, clock);
    }

    /**
     * @param migrations told when a send finds that a group became a supergroup (Telegram answers with the new id);
     *                   the message then goes to the new id
     */
    TelegramGateway(TelegramConfig config, KnownPrivateChats privateChats, SendPermits permits,
                    ChatMigrationListener migrations, Clock clock) {
        this(config, privateChats, permits, migrations, clock, Sleeper.REAL);
    }

    /** @param sleeper how a 429's {@code retry_after} is waited out (tests move their clock instead) */
    TelegramGateway(TelegramConfig config, KnownPrivateChats privateChats, SendPermits permits,
                    ChatMigrationListener migrations, Clock clock, Sleeper sleeper) {
        this.calls = new TelegramApiCalls(config, permits, sleeper);
        this.files = new TelegramFiles(config, calls);
        this.sender = new TelegramSender(calls, files, privateChats, migrations);
        this.admins = new TelegramChatAdmins(config, calls, clock);
        this.groupAdmin = new TelegramGroupAdmin(calls, admins, clock, () -> identity);
        if (config.botUsername() != null) {
            this.identity = new BotIdentity(0, config.botUsername(), false);
        }
    }

    /** Calls {@code getMe}: learns the bot's username and whether privacy mode is off. Call at start-up. */
    BotIdentity refreshIdentity() {
        User me = calls.call("getMe", Operation.OTHER, new GetMe());
        BotIdentity id = new BotIdentity(me.getId(), me.getUserName(),
                Boolean.TRUE.equals(me.getCanReadAllGroupMessages()));
        identity = id;
        LOG.info("telegram bot id {} reads all group messages: {}", id.id(), id.canReadAllGroupMessages());
        return id;
    }

    /** The identity from the last {@link #refreshIdentity()}, or empty before it (unless the config named the bot). */
    Optional<BotIdentity> identity() {
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
        return sender.send(message);
    }

    /**
     * Fetches a document a member sent: {@code getFile}, then a GET of {@code <api>/file/bot<token>/<file_path>} over
     * this gateway's OkHttp client (the library's own download ignores a custom API URL), reading at most
     * {@code maxBytes}. Bots may download files of up to 20 MB; Telegram gives larger ones no path.
     */
    @Override
    public byte[] download(Attachment attachment, long maxBytes) {
        return files.download(attachment, maxBytes);
    }

    @Override
    public void edit(MessageRef target, OutboundMessage replacement) {
        sender.edit(target, replacement);
    }

    @Override
    public void acknowledge(ButtonPressed press, String notice) {
        sender.acknowledge(press, notice);
    }

    @Override
    public ConversationId openDirect(ChatUserId member) {
        return sender.openDirect(member);
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
        groupAdmin.delete(message);
    }

    @Override
    public void mute(ConversationId group, ChatUserId member, Instant until) {
        groupAdmin.mute(group, member, until);
    }

    @Override
    public void unmute(ConversationId group, ChatUserId member) {
        groupAdmin.unmute(group, member);
    }

    @Override
    public void kick(ConversationId group, ChatUserId member) {
        groupAdmin.kick(group, member);
    }

    @Override
    public void ban(ConversationId group, ChatUserId member) {
        groupAdmin.ban(group, member);
    }

    @Override
    public void unban(ConversationId group, ChatUserId member) {
        groupAdmin.unban(group, member);
    }

    /** Telegram's Bot API has no call for slow mode: always {@code UNSUPPORTED}, saying where to set it instead. */
    @Override
    public void slowmode(ConversationId chat, java.time.Duration interval) {
        throw new GatewayException(GatewayException.Reason.UNSUPPORTED, "Telegram bots cannot set slow mode; "
                + "an administrator sets it in the group's settings (Permissions, Slow Mode)");
    }

    /**
     * {@code getChatMember}: the member's first and last name as Telegram shows them; empty when Telegram cannot say
     * (left, unknown, no rights, outage). Neither cached nor logged.
     */
    @Override
    public Optional<String> memberName(ConversationId group, ChatUserId member) {
        try {
            ChatMember found = calls.call("getChatMember", Operation.ADMIN, GetChatMember.builder()
                    .chatId(group.value()).userId(Long.parseLong(member.value())).build());
            User user = found == null ? null : found.getUser();
            if (user == null) {
                return Optional.empty();
            }
            String name = user.getLastName() == null || user.getLastName().isBlank() ? user.getFirstName()
                    : user.getFirstName() + " " + user.getLastName();
            return Optional.ofNullable(name).filter(n -> !n.isBlank());
        } catch (GatewayException | NumberFormatException e) {
            LOG.debug("no name for {} in {}: {}", member, group, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Only moderators read a chat (or a topic: its chat's members read it) when every member is an administrator:
     * {@code getChatMemberCount} (cached briefly) against the cached administrator list, bots included on both sides.
     * The bot itself never counts against the chat, administrator or not. Administrators titled as mentors count as
     * administrators: they are in the escalation chain anyway.
     */
    @Override
    public ChatAudience audience(ConversationId chat) {
        return groupAdmin.audience(chat);
    }

    /**
     * The group's moderators: its owner and administrators, except administrators whose custom title names them a
     * mentor and who hold neither the right to delete messages nor to restrict members (Telegram has no roles, so a
     * group makes someone a mentor by promoting them with no rights and the title "Mentor").
     */
    @Override
    public Set<ChatUserId> moderators(ConversationId group) {
        return admins.administrators(group).moderators();
    }

    /** The group's mentors: administrators whose custom title contains "mentor" (any case). */
    Set<ChatUserId> mentors(ConversationId group) {
        return admins.administrators(group).mentors();
    }

    /** Drops the cached administrator list and member count of a chat (called when Telegram reports an admin change). */
    void invalidateModerators(ConversationId group) {
        admins.invalidate(group);
    }

    /** {@link ModeratorLookup} for the mapper: cached admin list; {@code false} when Telegram cannot tell. */
    @Override
    public boolean isModerator(ConversationId group, ChatUserId member) {
        return admins.isModerator(group, member);
    }

    /** {@link ModeratorLookup} for the mapper: cached admin list; {@code false} when Telegram cannot tell. */
    @Override
    public boolean isMentor(ConversationId group, ChatUserId member) {
        return admins.isMentor(group, member);
    }

    /** Releases the HTTP client's threads and connections. Idempotent. */
    @Override
    public void close() {
        calls.close();
    }

    /**
     * Registers the webhook ({@code setWebhook}) with the secret and {@link TelegramLongPolling#ALLOWED_UPDATES}, once
     * and without retries. Apps call {@link TelegramAdapter#registerWebhook}.
     */
    void setWebhook(String url, String secretToken) {
        try {
            calls.client().execute(SetWebhook.builder().url(url).secretToken(secretToken)
                    .allowedUpdates(TelegramLongPolling.ALLOWED_UPDATES).build());
        } catch (TelegramApiException e) {
            GatewayException mapped = TelegramErrors.map("setWebhook", Operation.OTHER, e);
            LOG.warn("setWebhook failed: {}", mapped.reason());
            throw mapped;
        }
    }

    /** A Bot API call with this gateway's retries and error mapping, outside the send limits (the command menu). */
    <T extends Serializable> T call(String method, Operation op, BotApiMethod<T> request) {
        return calls.call(method, op, request);
    }
}
