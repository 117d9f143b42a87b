package org.fellowship.telegram;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.port.InboundEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The one path every received {@link Update} takes, whether it came by long polling or webhook: remembers who opened a
 * private chat with the bot, drops cached admin lists on admin changes, reports supergroup migrations, maps the update
 * with {@link TelegramUpdateMapper} and hands the events to the core's {@link InboundEventSink} (which de-duplicates by
 * update id and queues).
 *
 * <p><b>Threading:</b> thread-safe; runs on the caller's thread and blocks only as long as the sink applies
 * back-pressure (or a cold admin-list lookup takes). <b>Nullness:</b> the update must not be {@code null}.
 * <b>Failure:</b> never throws for a bad update or a failing listener: it logs the update id and the exception class
 * and carries on, so one odd update cannot stall receiving. {@link IllegalStateException} from a closed sink is
 * rethrown.
 */
public final class TelegramUpdateDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramUpdateDispatcher.class);
    private static final Set<String> ADMIN = Set.of("administrator", "creator");

    private final TelegramUpdateMapper mapper;
    private final InboundEventSink sink;
    private final KnownPrivateChats privateChats;
    private final ChatMigrationListener migrations;
    private final Consumer<ConversationId> adminsChanged;

    /**
     * @param mapper        maps updates to events
     * @param sink          the core's inbound queue
     * @param privateChats  the same set the gateway consults in {@code openDirect}
     * @param migrations    told about group-to-supergroup migrations
     * @param adminsChanged told when a chat's administrators may have changed (wire
     *                      {@link TelegramGateway#invalidateModerators})
     */
    public TelegramUpdateDispatcher(TelegramUpdateMapper mapper, InboundEventSink sink, KnownPrivateChats privateChats,
                                    ChatMigrationListener migrations, Consumer<ConversationId> adminsChanged) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.privateChats = Objects.requireNonNull(privateChats, "privateChats");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.adminsChanged = Objects.requireNonNull(adminsChanged, "adminsChanged");
    }

    /** Handles one update. */
    void dispatch(Update update) {
        Objects.requireNonNull(update, "update");
        try {
            track(update);
            TelegramUpdateMapper.migration(update).ifPresent(this::migrate);
            for (InboundEvent event : mapper.map(update)) {
                sink.accept(event);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("telegram update {} could not be handled: {}", update.getUpdateId(), e.getClass().getName());
        }
    }

    private void migrate(ChatMigration migration) {
        try {
            LOG.info("telegram chat {} migrated to {}", migration.from(), migration.to());
            adminsChanged.accept(TelegramIds.chat(Long.parseLong(migration.from().value())));
            migrations.migrated(migration);
        } catch (RuntimeException e) {
            LOG.error("migration listener failed for {} -> {}: {}", migration.from(), migration.to(),
                    e.getClass().getName());
        }
    }

    private void track(Update u) {
        Message m = u.getMessage() != null ? u.getMessage() : u.getEditedMessage();
        if (m != null && m.getFrom() != null && isPrivate(m.getChat())) {
            privateChats.add(Long.toString(m.getFrom().getId()));
        }
        CallbackQuery q = u.getCallbackQuery();
        if (q != null && q.getFrom() != null && q.getMessage() != null && isPrivate(q.getMessage().getChat())) {
            privateChats.add(Long.toString(q.getFrom().getId()));
        }
        ChatMemberUpdated mine = u.getMyChatMember();
        if (mine != null && mine.getChat() != null) {
            if (isPrivate(mine.getChat()) && mine.getFrom() != null) {
                String user = Long.toString(mine.getFrom().getId());
                String status = status(mine.getNewChatMember());
                if ("kicked".equals(status) || "left".equals(status)) {
                    privateChats.remove(user);
                } else if ("member".equals(status)) {
                    privateChats.add(user);
                }
            } else {
                adminsChanged.accept(TelegramIds.chat(mine.getChat().getId()));
            }
        }
        ChatMemberUpdated other = u.getChatMember();
        if (other != null && other.getChat() != null
                && (ADMIN.contains(status(other.getOldChatMember())) || ADMIN.contains(status(other.getNewChatMember())))) {
            adminsChanged.accept(TelegramIds.chat(other.getChat().getId()));
        }
    }

    private static String status(ChatMember m) {
        return m == null || m.getStatus() == null ? "" : m.getStatus().toLowerCase(Locale.ROOT);
    }

    private static boolean isPrivate(Chat chat) {
        return chat != null && Boolean.TRUE.equals(chat.isUserChat());
    }
}
