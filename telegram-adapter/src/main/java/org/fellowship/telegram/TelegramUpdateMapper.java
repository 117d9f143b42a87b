package org.fellowship.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MemberJoined;
import org.fellowship.core.event.MemberLeft;
import org.fellowship.core.event.MessageEdited;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.text.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Translates one Telegram {@link Update} into the core's {@link InboundEvent}s. Pure: no I/O, no bot logic, no state
 * beyond its constructor arguments.
 *
 * <ul>
 *   <li>Private chats become {@link ChatKind#DIRECT} conversations whose id is the user's id; groups and supergroups
 *       become {@link ChatKind#GROUP} conversations of the community with the group's chat id; a forum-topic message
 *       lives in the conversation {@code <chatId>:<threadId>} (see {@link TelegramIds}).</li>
 *   <li>Text starting with a command ({@code /name} or {@code /name@thisbot}) becomes {@link CommandInvoked};
 *       commands addressed to another bot ({@code /name@otherbot}) are dropped.</li>
 *   <li>Other texts and captions become {@link MessageReceived}; edits become {@link MessageEdited}. A document
 *       becomes an {@link Attachment} of its message (its caption may be a command, e.g. {@code /meetings import});
 *       the document of the message replied to becomes a reply attachment.</li>
 *   <li>Callback queries become {@link ButtonPressed} with the callback data as token and the query id as callback id.</li>
 *   <li>{@code chat_member} transitions and {@code new_chat_members}/{@code left_chat_member} service messages become
 *       {@link MemberJoined}/{@link MemberLeft} (when both are enabled the core sees a join twice under different
 *       event ids; the member-join feature must be idempotent or the app should request only one of them).</li>
 * </ul>
 *
 * <p>Event ids are {@code u<update_id>}, and {@code u<update_id>.<n>} for the n-th further member of one
 * {@code new_chat_members} message, so a redelivered update de-duplicates in the core.
 *
 * <p><b>Threading:</b> immutable and thread-safe if the {@link ModeratorLookup} is; pure apart from reading the clock
 * for button presses. <b>Nullness:</b> the update must not
 * be {@code null}; results are never {@code null}. <b>Failure:</b> never throws for odd updates; anything it does not
 * understand (channel posts, anonymous admins, service messages, inline queries, ...) maps to an empty list.
 */
public final class TelegramUpdateMapper {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramUpdateMapper.class);
    private static final Set<String> PRESENT = Set.of("member", "administrator", "creator");
    private static final Set<String> ABSENT = Set.of("left", "kicked");

    private final String botUsername;
    private final ModeratorLookup moderators;
    private final Clock clock;

    /**
     * @param botUsername the bot's username without '@' (from {@code getMe}); commands addressed to other bots are
     *                    ignored. {@code null} accepts every {@code @botname}.
     * @param moderators  how to tell whether a group member is an admin
     * @param clock       the time of button presses (Telegram does not date callback queries)
     */
    public TelegramUpdateMapper(String botUsername, ModeratorLookup moderators, Clock clock) {
        this.botUsername = botUsername == null ? null : stripAt(botUsername);
        this.moderators = Objects.requireNonNull(moderators, "moderators");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The events in this update, usually zero or one. */
    List<InboundEvent> map(Update update) {
        Objects.requireNonNull(update, "update");
        if (update.getUpdateId() == null) {
            return List.of();
        }
        String eventId = "u" + update.getUpdateId();
        if (update.getMessage() != null) {
            return fromMessage(eventId, update.getMessage());
        }
        if (update.getEditedMessage() != null) {
            return fromEdit(eventId, update.getEditedMessage()).map(List::of).orElse(List.of());
        }
        if (update.getCallbackQuery() != null) {
            return fromCallback(eventId, update.getCallbackQuery()).map(List::of).orElse(List.of());
        }
        if (update.getChatMember() != null) {
            return fromChatMember(eventId, update.getChatMember()).map(List::of).orElse(List.of());
        }
        return List.of();
    }

    /** The first event of {@link #map(Update)}, for callers that expect at most one. */
    Optional<InboundEvent> mapOne(Update update) {
        return map(update).stream().findFirst();
    }

    /**
     * The supergroup migration this update reports, if any ({@code migrate_to_chat_id} in a service message). An id of
     * 0 or the chat's own id names no real chat and is no migration (a group is never moved to {@code tg:0}): it is
     * ignored with a log line (ids only).
     */
    static Optional<ChatMigration> migration(Update update) {
        Message m = update.getMessage();
        if (m == null || m.getChat() == null) {
            return Optional.empty();
        }
        if (isOtherChat(m.getMigrateToChatId(), m.getChat().getId())) {
            return Optional.of(new ChatMigration(TelegramIds.community(m.getChat().getId()),
                    TelegramIds.community(m.getMigrateToChatId())));
        }
        if (isOtherChat(m.getMigrateFromChatId(), m.getChat().getId())) {
            return Optional.of(new ChatMigration(TelegramIds.community(m.getMigrateFromChatId()),
                    TelegramIds.community(m.getChat().getId())));
        }
        return Optional.empty();
    }

    private static boolean isOtherChat(Long id, Long chat) {
        if (id == null) {
            return false;
        }
        if (id == 0 || id.equals(chat)) {
            LOG.warn("ignored a supergroup migration between chat {} and {}: not another chat", chat, id);
            return false;
        }
        return true;
    }

    private List<InboundEvent> fromMessage(String eventId, Message m) {
        Chat chat = m.getChat();
        if (chat == null || !supported(chat) || m.getMigrateToChatId() != null || m.getMigrateFromChatId() != null) {
            return List.of();
        }
        Instant at = at(m.getDate());
        if (m.getNewChatMembers() != null && !m.getNewChatMembers().isEmpty()) {
            Conversation conversation = conversation(chat, null);
            List<InboundEvent> joined = new ArrayList<>();
            for (User u : m.getNewChatMembers()) {
                String id = joined.isEmpty() ? eventId : eventId + "." + joined.size();
                joined.add(new MemberJoined(id, conversation, member(u, conversation), at));
            }
            return List.copyOf(joined);
        }
        if (m.getLeftChatMember() != null) {
            Conversation conversation = conversation(chat, null);
            return List.of(new MemberLeft(eventId, conversation, member(m.getLeftChatMember(), conversation), at));
        }
        User from = m.getFrom();
        String text = m.getText() != null ? m.getText() : m.getCaption();
        if (from == null || m.getSenderChat() != null || text == null) {
            return List.of();
        }
        Conversation conversation = conversation(chat, threadOf(m));
        Member actor = member(from, conversation);
        MessageRef ref = new MessageRef(conversation.id(), m.getMessageId().toString());
        MessageRef replyTo = null;
        ChatUserId replyAuthor = null;
        Message reply = m.getReplyToMessage();
        if (reply != null && reply.getMessageId() != null && !isTopicRoot(m, reply)) {
            replyTo = new MessageRef(conversation.id(), reply.getMessageId().toString());
            replyAuthor = reply.getFrom() == null ? null : TelegramIds.user(reply.getFrom().getId());
        }
        List<Attachment> files = attachments(m);
        List<Attachment> repliedFiles = replyTo == null ? List.of() : attachments(reply);
        // A document whose caption is a command (e.g. a feed file captioned /meetings import) is a command too.
        if (m.getText() != null || !files.isEmpty()) {
            Optional<CommandLine> command = CommandLine.parse(text);
            if (command.isPresent()) {
                CommandLine c = command.get();
                if (c.botName() != null && botUsername != null && !c.botName().equalsIgnoreCase(botUsername)) {
                    return List.of();
                }
                // a command in reply to a message (e.g. /report) keeps what it replies to
                return List.of(new CommandInvoked(eventId, conversation, actor, at, ref, c.name(), c.arguments(),
                        replyTo, replyAuthor, files, repliedFiles));
            }
        }
        List<MessageEntity> entities = m.getText() != null ? m.getEntities() : m.getCaptionEntities();
        return List.of(new MessageReceived(eventId, conversation, actor, at, ref, text, replyTo, replyAuthor,
                mentions(entities), files, repliedFiles));
    }

    /** The message's document as an {@link Attachment} (ref = Telegram {@code file_id}); photos and media are not. */
    static List<Attachment> attachments(Message m) {
        Document d = m.getDocument();
        if (d == null || d.getFileId() == null || d.getFileId().isBlank()) {
            return List.of();
        }
        long size = d.getFileSize() == null || d.getFileSize() < 0 ? Attachment.UNKNOWN_SIZE : d.getFileSize();
        return List.of(new Attachment(d.getFileName(), d.getMimeType(), size, d.getFileId()));
    }

    private Optional<InboundEvent> fromEdit(String eventId, Message m) {
        Chat chat = m.getChat();
        User from = m.getFrom();
        String text = m.getText() != null ? m.getText() : m.getCaption();
        if (chat == null || !supported(chat) || from == null || m.getSenderChat() != null || text == null) {
            return Optional.empty();
        }
        Conversation conversation = conversation(chat, threadOf(m));
        Instant at = at(m.getEditDate() != null ? m.getEditDate() : m.getDate());
        return Optional.of(new MessageEdited(eventId, conversation, member(from, conversation), at,
                new MessageRef(conversation.id(), m.getMessageId().toString()), text));
    }

    private Optional<InboundEvent> fromCallback(String eventId, CallbackQuery q) {
        MaybeInaccessibleMessage msg = q.getMessage();
        if (q.getData() == null || q.getData().isEmpty() || q.getFrom() == null || msg == null
                || msg.getChat() == null || !supported(msg.getChat())) {
            return Optional.empty();
        }
        Integer thread = msg instanceof Message full ? threadOf(full) : null;
        Conversation conversation = conversation(msg.getChat(), thread);
        // Telegram does not date callback queries: the press happened just now.
        Instant at = clock.instant();
        return Optional.of(new ButtonPressed(eventId, conversation, member(q.getFrom(), conversation), at,
                new MessageRef(conversation.id(), msg.getMessageId().toString()), q.getData(), q.getId()));
    }

    private Optional<InboundEvent> fromChatMember(String eventId, ChatMemberUpdated u) {
        Chat chat = u.getChat();
        if (chat == null || !supported(chat) || Boolean.TRUE.equals(chat.isUserChat())
                || u.getNewChatMember() == null || u.getNewChatMember().getUser() == null) {
            return Optional.empty();
        }
        boolean before = present(u.getOldChatMember());
        boolean after = present(u.getNewChatMember());
        if (before == after) {
            return Optional.empty();
        }
        Conversation conversation = conversation(chat, null);
        Member member = member(u.getNewChatMember().getUser(), conversation);
        Instant at = at(u.getDate());
        return Optional.of(after ? new MemberJoined(eventId, conversation, member, at)
                : new MemberLeft(eventId, conversation, member, at));
    }

    private static boolean present(ChatMember m) {
        if (m == null || m.getStatus() == null) {
            return false;
        }
        String status = m.getStatus().toLowerCase(Locale.ROOT);
        if (m instanceof ChatMemberRestricted r) {
            return Boolean.TRUE.equals(r.getIsMember());
        }
        if (ABSENT.contains(status)) {
            return false;
        }
        return PRESENT.contains(status);
    }

    private Conversation conversation(Chat chat, Integer threadId) {
        long chatId = chat.getId();
        if (Boolean.TRUE.equals(chat.isUserChat())) {
            return new Conversation(TelegramIds.chat(chatId), ChatKind.DIRECT, null, null);
        }
        return new Conversation(TelegramIds.topic(chatId, threadId), ChatKind.GROUP, TelegramIds.community(chatId),
                chat.getTitle());
    }

    private Member member(User user, Conversation conversation) {
        ChatUserId id = TelegramIds.user(user.getId());
        String name = user.getLastName() == null ? user.getFirstName() : user.getFirstName() + " " + user.getLastName();
        ConversationId group = conversation.isDirect() ? null
                : TelegramIds.chat(Long.parseLong(TelegramIds.chatId(conversation.id())));
        boolean moderator = group != null && moderators.isModerator(group, id);
        boolean mentor = group != null && moderators.isMentor(group, id);
        return new Member(id, name, moderator, mentor, Boolean.TRUE.equals(user.getIsBot()));
    }

    private static Integer threadOf(Message m) {
        return Boolean.TRUE.equals(m.getIsTopicMessage()) ? m.getMessageThreadId() : null;
    }

    /** In a forum, a message without an explicit reply "replies" to the topic's creation message. */
    private static boolean isTopicRoot(Message m, Message reply) {
        return Boolean.TRUE.equals(m.getIsTopicMessage()) && reply.getMessageId().equals(m.getMessageThreadId());
    }

    private static boolean supported(Chat chat) {
        return Boolean.TRUE.equals(chat.isUserChat()) || Boolean.TRUE.equals(chat.isGroupChat())
                || Boolean.TRUE.equals(chat.isSuperGroupChat());
    }

    private static int mentions(List<MessageEntity> entities) {
        if (entities == null) {
            return 0;
        }
        return (int) entities.stream()
                .filter(e -> "mention".equals(e.getType()) || "text_mention".equals(e.getType()))
                .count();
    }

    private static Instant at(Integer epochSeconds) {
        return epochSeconds == null ? Instant.EPOCH : Instant.ofEpochSecond(epochSeconds);
    }

    private static String stripAt(String name) {
        return name.startsWith("@") ? name.substring(1) : name;
    }
}
