package org.fellowship.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.telegram.TelegramErrors.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMemberCount;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;

/**
 * Who administers a Telegram chat, cached: the {@code getChatAdministrators} list for
 * {@link TelegramConfig#adminCacheTtl()} and the {@code getChatMemberCount} for {@link #MEMBER_COUNT_TTL}, both dropped
 * by {@link #invalidate} when Telegram reports an admin change. Telegram has no roles, so a group makes someone a
 * mentor by promoting them with no rights and a custom title containing {@value #MENTOR_TITLE}.
 *
 * <p><b>Threading:</b> thread-safe (two callers may both fetch a stale entry; the later one wins).
 * <b>Failure:</b> {@link #administrators} and {@link #memberCount} throw {@link GatewayException}; the
 * {@link ModeratorLookup} answers never throw.
 */
final class TelegramChatAdmins implements ModeratorLookup {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramChatAdmins.class);

    /** How long a chat's member count is trusted: joins are not reported to the gateway, so keep it short. */
    static final Duration MEMBER_COUNT_TTL = Duration.ofSeconds(30);

    /** An administrator's custom title containing this (any case) makes them a mentor, e.g. "Mentor", "Peer mentor". */
    static final String MENTOR_TITLE = "mentor";

    private final TelegramConfig config;
    private final TelegramApiCalls calls;
    private final Clock clock;
    private final Map<String, Administrators> admins = new ConcurrentHashMap<>();
    private final Map<String, CachedCount> memberCounts = new ConcurrentHashMap<>();

    /**
     * A group's administrators: moderators, mentors (admins titled as mentors, who are moderators too only with the
     * right to delete messages or restrict members), and the user ids of all of them, bots included (to compare with
     * the member count).
     */
    record Administrators(Set<ChatUserId> moderators, Set<ChatUserId> mentors, Set<Long> all, Instant fetched) {
    }

    private record CachedCount(int count, Instant fetched) {
    }

    TelegramChatAdmins(TelegramConfig config, TelegramApiCalls calls, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The group's administrators, from the cache or fetched now. */
    Administrators administrators(ConversationId group) {
        String chatId = TelegramIds.chatId(group);
        Administrators cached = admins.get(chatId);
        Instant now = clock.instant();
        if (cached != null && cached.fetched().plus(config.adminCacheTtl()).isAfter(now)) {
            return cached;
        }
        List<ChatMember> list = calls.call("getChatAdministrators", Operation.ADMIN,
                GetChatAdministrators.builder().chatId(chatId).build());
        Set<ChatUserId> moderators = new HashSet<>();
        Set<ChatUserId> mentors = new HashSet<>();
        Set<Long> all = new HashSet<>();
        for (ChatMember m : list) {
            if (m.getUser() != null) {
                all.add(m.getUser().getId());
            }
            if (m.getUser() == null || Boolean.TRUE.equals(m.getUser().getIsBot())) {
                continue;
            }
            ChatUserId id = TelegramIds.user(m.getUser().getId());
            if (m instanceof ChatMemberAdministrator a && a.getCustomTitle() != null
                    && a.getCustomTitle().toLowerCase(Locale.ROOT).contains(MENTOR_TITLE)) {
                mentors.add(id);
                if (!Boolean.TRUE.equals(a.getCanDeleteMessages()) && !Boolean.TRUE.equals(a.getCanRestrictMembers())) {
                    continue; // a mentor, not a moderator
                }
            }
            moderators.add(id);
        }
        Administrators fresh = new Administrators(Set.copyOf(moderators), Set.copyOf(mentors), Set.copyOf(all), now);
        admins.put(chatId, fresh);
        return fresh;
    }

    /** How many members the chat has, bots included, from the cache or fetched now. */
    int memberCount(String chatId) {
        Instant now = clock.instant();
        CachedCount cached = memberCounts.get(chatId);
        if (cached != null && cached.fetched().plus(MEMBER_COUNT_TTL).isAfter(now)) {
            return cached.count();
        }
        Integer count = calls.call("getChatMemberCount", Operation.ADMIN,
                GetChatMemberCount.builder().chatId(chatId).build());
        if (count == null) {
            throw new GatewayException(Reason.UNAVAILABLE, "getChatMemberCount gave no count");
        }
        memberCounts.put(chatId, new CachedCount(count, now));
        return count;
    }

    /** Drops the cached administrator list and member count of a chat. */
    void invalidate(ConversationId group) {
        admins.remove(TelegramIds.chatId(group));
        memberCounts.remove(TelegramIds.chatId(group));
    }

    /** From the cached admin list; {@code false} when Telegram cannot tell. */
    @Override
    public boolean isModerator(ConversationId group, ChatUserId member) {
        try {
            return administrators(group).moderators().contains(member);
        } catch (GatewayException e) {
            LOG.debug("admin list of {} unavailable: {}", group, e.reason());
            return false;
        }
    }

    /** From the cached admin list; {@code false} when Telegram cannot tell. */
    @Override
    public boolean isMentor(ConversationId group, ChatUserId member) {
        try {
            return administrators(group).mentors().contains(member);
        } catch (GatewayException e) {
            LOG.debug("admin list of {} unavailable: {}", group, e.reason());
            return false;
        }
    }
}
