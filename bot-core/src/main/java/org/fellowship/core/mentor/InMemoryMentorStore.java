package org.fellowship.core.mentor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;

/**
 * {@link MentorStore} in process memory: every method is {@code synchronized}, so compare-and-set is trivially
 * atomic. Resolved alerts disappear once the clock passes their retention. For tests and single-process runs
 * without Redis.
 */
final class InMemoryMentorStore implements MentorStore {
    private final Clock clock;
    private final Map<ChatUserId, Mentor> roster = new HashMap<>();
    private final Map<String, MentorAlert> alerts = new HashMap<>();
    private final Map<String, Instant> expires = new HashMap<>();
    private final Map<ChatUserId, String> openByMember = new HashMap<>();
    private final Map<ChatUserId, AlertContext> flagged = new HashMap<>();
    private final Map<ChatUserId, Instant> flaggedUntil = new HashMap<>();
    private final Map<Integer, Long> turns = new HashMap<>();
    private final List<MentorAudit> auditTrail = new ArrayList<>();
    private final Map<Platform, ConversationId> moderatorsChannels = new EnumMap<>(Platform.class);
    private final java.util.Set<CommunityId> claimed = new java.util.LinkedHashSet<>();
    private String claimCode;
    private long sequence;

    InMemoryMentorStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<Mentor> mentor(ChatUserId id) {
        return Optional.ofNullable(roster.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized void saveMentor(Mentor mentor) {
        roster.put(mentor.id(), mentor);
    }

    @Override
    public synchronized List<Mentor> mentors() {
        return roster.values().stream().sorted(Comparator.comparing(m -> m.id().value())).toList();
    }

    @Override
    public synchronized long nextAlertNumber() {
        return ++sequence;
    }

    @Override
    public synchronized long nextTurn(int tier) {
        long turn = turns.getOrDefault(tier, 0L);
        turns.put(tier, turn + 1);
        return turn;
    }

    @Override
    public synchronized MentorAlert openIfNone(MentorAlert alert) {
        Optional<MentorAlert> existing = openAlertOf(alert.member());
        if (existing.isPresent()) {
            return existing.get();
        }
        MentorAlert stored = withRevision(alert, 1);
        alerts.put(stored.id(), stored);
        expires.remove(stored.id());
        openByMember.put(stored.member(), stored.id());
        return stored;
    }

    @Override
    public synchronized void rememberFlagged(ChatUserId member, AlertContext context, Duration keepFor) {
        flagged.put(Objects.requireNonNull(member, "member"), Objects.requireNonNull(context, "context"));
        flaggedUntil.put(member, clock.instant().plus(keepFor));
    }

    @Override
    public synchronized Optional<AlertContext> lastFlagged(ChatUserId member) {
        Instant until = flaggedUntil.get(Objects.requireNonNull(member, "member"));
        if (until != null && !clock.instant().isBefore(until)) {
            flagged.remove(member);
            flaggedUntil.remove(member);
        }
        return Optional.ofNullable(flagged.get(member));
    }

    @Override
    public synchronized Optional<MentorAlert> alert(String id) {
        Objects.requireNonNull(id, "id");
        Instant until = expires.get(id);
        if (until != null && !clock.instant().isBefore(until)) {
            alerts.remove(id);
            expires.remove(id);
        }
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public synchronized Optional<MentorAlert> openAlertOf(ChatUserId member) {
        String id = openByMember.get(Objects.requireNonNull(member, "member"));
        return id == null ? Optional.empty() : alert(id).filter(MentorAlert::open);
    }

    @Override
    public synchronized Optional<MentorAlert> update(MentorAlert next, Duration keepResolvedFor) {
        Objects.requireNonNull(keepResolvedFor, "keepResolvedFor");
        MentorAlert current = alert(next.id()).orElse(null);
        if (current == null || current.revision() != next.revision()) {
            return Optional.empty();
        }
        MentorAlert stored = withRevision(next, next.revision() + 1);
        alerts.put(stored.id(), stored);
        if (!stored.open()) {
            openByMember.remove(stored.member(), stored.id());
            expires.put(stored.id(), clock.instant().plus(keepResolvedFor));
        }
        return Optional.of(stored);
    }

    @Override
    public synchronized List<MentorAlert> openAlerts() {
        return List.copyOf(openByMember.keySet().stream().map(this::openAlertOf).flatMap(Optional::stream).toList());
    }

    @Override
    public synchronized void audit(MentorAudit entry) {
        auditTrail.add(Objects.requireNonNull(entry, "entry"));
    }

    @Override
    public synchronized List<MentorAudit> auditOf(String alertId) {
        return auditTrail.stream().filter(a -> a.alertId().equals(alertId)).toList();
    }

    @Override
    public synchronized Optional<ConversationId> moderatorsChannel(Platform platform) {
        return Optional.ofNullable(moderatorsChannels.get(Objects.requireNonNull(platform, "platform")));
    }

    @Override
    public synchronized void setModeratorsChannel(Platform platform, ConversationId channel) {
        if (channel == null) {
            moderatorsChannels.remove(platform);
            return;
        }
        if (channel.platform() != platform) {
            throw new IllegalArgumentException("the moderators' channel must be on " + platform.lowerName());
        }
        moderatorsChannels.put(platform, channel);
    }

    @Override
    public synchronized Map<String, String> export(ChatUserId member) {
        Map<String, String> records = new LinkedHashMap<>();
        mentor(member).ifPresent(m -> records.put("mentor roster entry", m.toString()));
        List.copyOf(alerts.keySet()).stream().sorted().map(this::alert).flatMap(Optional::stream)
                .filter(a -> a.member().equals(member))
                .forEach(a -> records.put("mentor alert " + a.id(), a.toString()));
        lastFlagged(member).ifPresent(c -> records.put("last flagged message context", c.toString()));
        return records;
    }

    @Override
    public synchronized int forget(ChatUserId member) {
        int removed = roster.remove(member) != null ? 1 : 0;
        openByMember.remove(member);
        flaggedUntil.remove(member);
        removed += flagged.remove(member) != null ? 1 : 0;
        List<String> ids = alerts.values().stream().filter(a -> a.member().equals(member)).map(MentorAlert::id)
                .toList();
        for (String id : ids) {
            alerts.remove(id);
            expires.remove(id);
            removed++;
        }
        return removed;
    }

    private static MentorAlert withRevision(MentorAlert a, long revision) {
        return a.withRevision(revision);
    }

    @Override
    public synchronized java.util.Set<CommunityId> claimedCommunities() {
        return java.util.Set.copyOf(claimed);
    }

    @Override
    public synchronized String claimCode(String fresh) {
        if (claimCode == null) {
            claimCode = Objects.requireNonNull(fresh, "fresh");
        }
        return claimCode;
    }

    @Override
    public synchronized boolean claim(CommunityId community, String code, String next) {
        if (claimCode == null || !java.security.MessageDigest.isEqual(claimCode.getBytes(
                java.nio.charset.StandardCharsets.UTF_8), code.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return false;
        }
        claimCode = Objects.requireNonNull(next, "next");
        claimed.add(Objects.requireNonNull(community, "community"));
        return true;
    }

    @Override
    public synchronized boolean unclaim(CommunityId community) {
        return claimed.remove(community);
    }
}
