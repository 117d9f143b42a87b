package org.fellowship.core.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.fellowship.core.checkin.CheckinRecord;
import org.fellowship.core.checkin.CheckinStore;
import org.fellowship.core.checkin.CommunityCheckins;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.store.CommunityStateMover;

/** In-memory fake of {@link CheckinStore}. Thread-safe (synchronized); counts never expire. */
public final class InMemoryCheckinStore implements CheckinStore, CommunityStateMover {
    private final Map<ChatUserId, CheckinRecord> records = new HashMap<>();
    private final Map<ChatUserId, Instant> index = new HashMap<>();
    private final Map<ChatUserId, TreeMap<LocalDate, String>> notes = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<CommunityId, CommunityCheckins> communities = new HashMap<>();

    @Override
    public synchronized Optional<CheckinRecord> find(ChatUserId member) {
        return Optional.ofNullable(records.get(member));
    }

    @Override
    public synchronized boolean replace(CheckinRecord expected, CheckinRecord updated, Instant nextEventAt) {
        if (!Objects.equals(records.get(updated.member()), expected)) {
            return false;
        }
        records.put(updated.member(), updated);
        if (nextEventAt == null) {
            index.remove(updated.member());
        } else {
            index.put(updated.member(), nextEventAt);
        }
        return true;
    }

    @Override
    public synchronized List<CheckinRecord> due(Instant now, int max) {
        List<Map.Entry<ChatUserId, Instant>> due = new ArrayList<>();
        for (Map.Entry<ChatUserId, Instant> e : index.entrySet()) {
            if (!e.getValue().isAfter(now)) {
                due.add(e);
            }
        }
        due.sort(Map.Entry.<ChatUserId, Instant>comparingByValue().thenComparing(e -> e.getKey().toString()));
        List<CheckinRecord> out = new ArrayList<>();
        for (Map.Entry<ChatUserId, Instant> e : due.subList(0, Math.min(max, due.size()))) {
            out.add(records.get(e.getKey()));
        }
        return out;
    }

    @Override
    public synchronized Optional<Instant> nextEventAt() {
        return index.values().stream().min(Comparator.naturalOrder());
    }

    @Override
    public synchronized void saveNote(ChatUserId member, LocalDate day, String note) {
        TreeMap<LocalDate, String> mine = notes.computeIfAbsent(member, m -> new TreeMap<>());
        mine.put(day, note);
        while (mine.size() > 48) {
            mine.pollFirstEntry();
        }
    }

    @Override
    public synchronized Map<LocalDate, String> notes(ChatUserId member) {
        return Map.copyOf(notes.getOrDefault(member, new TreeMap<>()));
    }

    @Override
    public synchronized long countCheckin(CommunityId community, LocalDate day) {
        return counts.merge(community + "|" + day, 1L, Long::sum);
    }

    @Override
    public synchronized long checkins(CommunityId community, LocalDate day) {
        return counts.getOrDefault(community + "|" + day, 0L);
    }

    @Override
    public synchronized Optional<CommunityCheckins> community(CommunityId community) {
        return Optional.ofNullable(communities.get(community));
    }

    @Override
    public synchronized void saveCommunity(CommunityCheckins settings) {
        communities.put(settings.community(), settings);
    }

    @Override
    public synchronized Map<String, String> export(ChatUserId member) {
        Map<String, String> out = new TreeMap<>();
        if (records.containsKey(member)) {
            out.put("checkin", records.get(member).toString());
        }
        if (notes.containsKey(member)) {
            out.put("checkin-notes", notes.get(member).toString());
        }
        return out;
    }

    @Override
    public synchronized int erase(ChatUserId member) {
        int n = records.remove(member) != null ? 1 : 0;
        index.remove(member);
        n += notes.remove(member) != null ? 1 : 0;
        return n;
    }

    /** Members indexed (opted in with something scheduled). */
    public synchronized int indexed() {
        return index.size();
    }

    /** This fake's part of the one move step: member records, settings and counts (like the Redis step). */
    @Override
    public synchronized int move(CommunityId from, CommunityId to) {
        int changed = 0;
        for (CheckinRecord r : List.copyOf(records.values())) {
            ConversationId origin = r.origin() == null ? null : r.origin().renumbered(from, to);
            CommunityId community = from.equals(r.community()) ? to : r.community();
            if (!Objects.equals(origin, r.origin()) || !Objects.equals(community, r.community())) {
                records.put(r.member(), r.withPlace(community, origin));
                changed++;
            }
        }
        CommunityCheckins settings = communities.remove(from);
        if (settings != null) {
            communities.putIfAbsent(to, new CommunityCheckins(to, settings.defaultTime(), settings.summary(),
                    settings.summaryChat() == null ? null : settings.summaryChat().renumbered(from, to),
                    settings.summaryTime(), settings.zone()));
            changed++;
        }
        for (String key : List.copyOf(counts.keySet())) {
            if (key.startsWith(from + "|")) {
                counts.merge(to + key.substring(from.toString().length()), counts.remove(key), Long::sum);
                changed++;
            }
        }
        return changed;
    }
}
