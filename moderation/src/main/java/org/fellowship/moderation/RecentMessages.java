package org.fellowship.moderation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;

/**
 * The ids (never the text) of the latest group messages this instance saw, per chat, so {@code /purge} can delete
 * messages although neither platform lets the core list a chat's past messages. Messages the safety screen flagged
 * are never kept, so a purge never removes a crisis message. Bounded: {@link #PER_CHAT} messages in each of at most
 * {@link #CHATS} chats (the chat written in least recently is dropped first); lost on restart; a member's own are
 * dropped by {@code /forget}. Thread-safe.
 */
final class RecentMessages {
    /** The most messages kept per chat: the largest purge. */
    static final int PER_CHAT = 100;
    static final int CHATS = 2_000;

    /** One message seen: where, and who wrote it. */
    record Seen(MessageRef ref, ChatUserId author) {
    }

    private final Map<ConversationId, Deque<Seen>> byChat = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ConversationId, Deque<Seen>> eldest) {
            return size() > CHATS;
        }
    };

    /** Keeps a new group message's id unless the safety screen flagged it. */
    void record(Turn turn) {
        if (!(turn.event() instanceof MessageReceived m) || turn.flagged() || turn.conversation().isDirect()
                || turn.conversation().community() == null) {
            return;
        }
        synchronized (this) {
            Deque<Seen> seen = byChat.computeIfAbsent(m.message().conversation(), c -> new ArrayDeque<>());
            seen.addFirst(new Seen(m.message(), turn.actor().id()));
            while (seen.size() > PER_CHAT) {
                seen.removeLast();
            }
        }
    }

    /** The latest {@code count} messages seen in {@code chat} ({@code author}'s only, unless null), newest first. */
    synchronized List<Seen> latest(ConversationId chat, ChatUserId author, int count) {
        List<Seen> found = new ArrayList<>(count);
        for (Seen s : byChat.getOrDefault(chat, new ArrayDeque<>())) {
            if (found.size() == count) {
                break;
            }
            if (author == null || author.equals(s.author())) {
                found.add(s);
            }
        }
        return found;
    }

    /** Drops every message of {@code member} in every chat ({@code /forget}); returns how many were dropped. */
    synchronized int forgetMember(ChatUserId member) {
        int dropped = 0;
        for (Deque<Seen> seen : byChat.values()) {
            for (Iterator<Seen> it = seen.iterator(); it.hasNext(); ) {
                if (member.equals(it.next().author())) {
                    it.remove();
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** Drops messages that are gone. */
    synchronized void forget(ConversationId chat, Collection<MessageRef> gone) {
        Deque<Seen> seen = byChat.get(chat);
        if (seen != null) {
            for (Iterator<Seen> it = seen.iterator(); it.hasNext(); ) {
                if (gone.contains(it.next().ref())) {
                    it.remove();
                }
            }
        }
    }
}
