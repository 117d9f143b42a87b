package org.fellowship.moderation.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.store.CommunityStateMover;
import org.fellowship.moderation.CaseLog;
import org.fellowship.moderation.ModCase;

/** In-memory fake of {@link CaseLog}; protection markers expire on the given clock. Thread-safe through one lock. */
public final class InMemoryCaseLog implements CaseLog, CommunityStateMover {
    private final Clock clock;
    private final Map<CommunityId, List<ModCase>> cases = new HashMap<>();
    private final Map<String, ChatUserId> claims = new HashMap<>();
    private final Map<MessageRef, Instant> protectedUntil = new HashMap<>();

    public InMemoryCaseLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized ModCase append(ModCase draft) {
        List<ModCase> log = cases.computeIfAbsent(draft.community(), c -> new ArrayList<>());
        ModCase numbered = draft.withNumber(log.size() + 1);
        log.add(numbered);
        return numbered;
    }

    @Override
    public synchronized Optional<ModCase> find(CommunityId community, long number) {
        List<ModCase> log = cases.getOrDefault(community, List.of());
        return number >= 1 && number <= log.size() ? Optional.ofNullable(log.get((int) number - 1)) : Optional.empty();
    }

    @Override
    public synchronized List<ModCase> about(CommunityId community, ChatUserId subject, int limit) {
        List<ModCase> log = cases.getOrDefault(community, List.of());
        List<ModCase> found = new ArrayList<>();
        for (int i = log.size() - 1; i >= 0 && found.size() < limit; i--) {
            if (log.get(i) != null && subject.equals(log.get(i).subject())) {
                found.add(log.get(i));
            }
        }
        return found;
    }

    @Override
    public synchronized ChatUserId claim(CommunityId community, long number, ChatUserId moderator) {
        return claims.computeIfAbsent(community + "|" + number, k -> moderator);
    }

    @Override
    public synchronized void protect(MessageRef message, Duration ttl) {
        protectedUntil.put(message, clock.instant().plus(ttl));
    }

    @Override
    public synchronized boolean isProtected(MessageRef message) {
        Instant until = protectedUntil.get(message);
        return until != null && until.isAfter(clock.instant());
    }

    private static boolean about(ModCase c, ChatUserId member) {
        return member.equals(c.subject()) || c.action().equals("report") && member.equals(c.actor());
    }

    @Override
    public synchronized Map<String, String> export(ChatUserId member) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        cases.forEach((community, log) -> log.stream().filter(c -> c != null && about(c, member))
                .forEach(c -> out.put("case " + community + " " + c.number(),
                        c.describe(m -> "member " + m.value(), java.time.ZoneOffset.UTC))));
        return out;
    }

    @Override
    public synchronized int forget(ChatUserId member) {
        int cleared = 0;
        for (List<ModCase> log : cases.values()) {
            for (int i = 0; i < log.size(); i++) {
                ModCase c = log.get(i);
                if (c != null && about(c, member) && c.holdsWords()) {
                    log.set(i, c.withoutWords()); // the case stays, without the member's words
                    cleared++;
                }
            }
        }
        return cleared;
    }

    @Override
    public synchronized boolean holdsWordsOf(ChatUserId member) {
        return cases.values().stream().flatMap(List::stream)
                .anyMatch(c -> c != null && about(c, member) && c.holdsWords());
    }

    /** Every case of the community that was not erased, oldest first (for tests). */
    public synchronized List<ModCase> all(CommunityId community) {
        return cases.getOrDefault(community, List.of()).stream().filter(java.util.Objects::nonNull).toList();
    }

    /** This fake's part of the one move step: its case log (over Redis it moves with the community's keys). */
    @Override
    public synchronized int move(CommunityId from, CommunityId to) {
        List<ModCase> log = cases.remove(from);
        if (log == null) {
            return 0;
        }
        List<ModCase> moved = new ArrayList<>();
        for (ModCase c : log) {
            moved.add(c == null ? null : new ModCase(to, c.number(), c.at(), c.action(), c.actor(), c.subject(),
                    c.chat() == null ? null : c.chat().renumbered(from, to), c.messageId(), c.ruleId(), c.reason(),
                    c.excerpt(), c.outcome()));
        }
        cases.putIfAbsent(to, moved);
        for (String key : List.copyOf(claims.keySet())) {
            if (key.startsWith(from + "|")) {
                claims.putIfAbsent(to + key.substring(from.toString().length()), claims.remove(key));
            }
        }
        return 1;
    }
}
