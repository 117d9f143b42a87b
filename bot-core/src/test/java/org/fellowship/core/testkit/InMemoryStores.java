package org.fellowship.core.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.store.DirectChatRegistry;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberDataEraser;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.store.MemberProfileStore;

/** In-memory fakes of the simple store ports, expiring entries by the given clock. */
public final class InMemoryStores {
    private InMemoryStores() {
    }

    private record Expiring<T>(T value, Instant expires) {
        boolean alive(Clock clock) {
            return clock.instant().isBefore(expires);
        }
    }

    /** Fake {@link EventDeduplicator}. */
    public static final class Deduplicator implements EventDeduplicator {
        private final Clock clock;
        private final Map<String, Instant> seen = new HashMap<>();

        public Deduplicator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized boolean firstSeen(String key, Duration ttl) {
            Instant until = seen.get(key);
            if (until != null && clock.instant().isBefore(until)) {
                return false;
            }
            seen.put(key, clock.instant().plus(ttl));
            return true;
        }
    }

    /** Fake {@link ButtonTokenStore}. */
    public static final class Buttons implements ButtonTokenStore {
        private final Clock clock;
        private final AtomicLong counter = new AtomicLong();
        private final Map<String, Expiring<ButtonAction>> tokens = new HashMap<>();
        private final Map<String, Expiring<List<String>>> choices = new HashMap<>();

        public Buttons(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized String issue(ButtonAction action, Duration ttl) {
            String token = "t" + Long.toString(counter.incrementAndGet(), 36);
            tokens.put(token, new Expiring<>(action, clock.instant().plus(ttl)));
            return token;
        }

        @Override
        public synchronized Optional<ButtonAction> resolve(String token) {
            Expiring<ButtonAction> e = tokens.get(token);
            return e != null && e.alive(clock) ? Optional.of(e.value()) : Optional.empty();
        }

        @Override
        public synchronized void revoke(String token) {
            tokens.remove(token);
        }

        @Override
        public synchronized void rememberChoices(ConversationId conversation, ChatUserId member, List<String> list,
                                                 Duration ttl) {
            choices.put(conversation + "|" + member, new Expiring<>(List.copyOf(list), clock.instant().plus(ttl)));
        }

        @Override
        public synchronized List<String> choices(ConversationId conversation, ChatUserId member) {
            Expiring<List<String>> e = choices.get(conversation + "|" + member);
            return e != null && e.alive(clock) ? e.value() : List.of();
        }
    }

    /** Fake {@link MemberProfileStore}. */
    public static final class Profiles implements MemberProfileStore {
        private final Map<ChatUserId, MemberProfile> profiles = new HashMap<>();

        @Override
        public synchronized Optional<MemberProfile> find(ChatUserId member) {
            return Optional.ofNullable(profiles.get(member));
        }

        @Override
        public synchronized void save(MemberProfile profile) {
            profiles.put(profile.id(), profile);
        }

        public synchronized List<MemberProfile> all() {
            return new ArrayList<>(profiles.values());
        }

        synchronized boolean remove(ChatUserId member) {
            return profiles.remove(member) != null;
        }
    }

    /** Fake {@link DirectChatRegistry}. */
    public static final class DirectChats implements DirectChatRegistry {
        private final java.util.Set<ChatUserId> open = new java.util.HashSet<>();

        @Override
        public synchronized boolean isOpen(ChatUserId member) {
            return open.contains(member);
        }

        @Override
        public synchronized void opened(ChatUserId member) {
            open.add(member);
        }

        @Override
        public synchronized void closed(ChatUserId member) {
            open.remove(member);
        }
    }

    /** Fake {@link MemberDataEraser} over the in-memory profiles (the only member records the fakes keep). */
    public static final class Eraser implements MemberDataEraser {
        private final Profiles profiles;

        public Eraser(Profiles profiles) {
            this.profiles = profiles;
        }

        @Override
        public Map<String, String> export(ChatUserId member) {
            return profiles.find(member).map(p -> Map.of("profile", p.toString())).orElse(Map.of());
        }

        @Override
        public int erase(ChatUserId member) {
            return profiles.remove(member) ? 1 : 0;
        }

        @Override
        public boolean holdsAnything(ChatUserId member) {
            return profiles.find(member).isPresent();
        }
    }
}
