package org.fellowship.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.safety.CommunityPolicy;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.DetectorThresholds;
import org.fellowship.core.safety.LexiconEntry;

/**
 * Each community's crisis policy as one versioned JSON value in a community key ({@code crisis-policy}, with the
 * community hash tag, so a Telegram supergroup migration moves it along). The crisis screen reads the policy for
 * every group message, so each instance keeps what it read for a few seconds: a change made through another
 * instance applies there within {@link #CACHE_TTL}. Thread-safe.
 */
final class RedisCommunityPolicyStore implements CommunityPolicyStore {
    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    /** Stored form of {@link CommunityPolicy}. */
    record PolicyV1(int v, List<AdditionV1> additions, List<String> allow, double crisis, double relapse, double high,
                    String country, Map<String, List<String>> lines) {
    }

    /** Stored form of one added {@link LexiconEntry}. */
    record AdditionV1(String phrase, String category, double weight) {
    }

    private record Cached(CommunityPolicy policy, long readAtNanos) {
    }

    private final Redis redis;
    private final KeySchema keys;
    private final VersionedJson versioned = new VersionedJson();
    private final Map<CommunityId, Cached> cache = new ConcurrentHashMap<>();

    RedisCommunityPolicyStore(Redis redis, KeySchema keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public CommunityPolicy policy(CommunityId community) {
        if (community == null) {
            return CommunityPolicy.defaults();
        }
        Cached cached = cache.get(community);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < CACHE_TTL.toNanos()) {
            return cached.policy();
        }
        String json = redis.call("crisis policy read", c -> c.get(key(community)));
        CommunityPolicy policy = json == null ? CommunityPolicy.defaults() : read(json);
        cache.put(community, new Cached(policy, System.nanoTime()));
        return policy;
    }

    @Override
    public void save(CommunityId community, CommunityPolicy policy) {
        Objects.requireNonNull(community, "community");
        String json = write(policy);
        redis.call("crisis policy write", c -> c.set(key(community), json));
        cache.put(community, new Cached(policy, System.nanoTime()));
    }

    private String key(CommunityId community) {
        return keys.community(community, "crisis-policy");
    }

    String write(CommunityPolicy p) {
        DetectorThresholds t = p.thresholds();
        return versioned.write(new PolicyV1(VersionedJson.VERSION, p.additions().stream()
                .map(e -> new AdditionV1(e.phrase(), e.category().name(), e.weight())).toList(),
                p.allowList().stream().sorted().toList(), t.crisis(), t.relapse(), t.high(), p.country(), p.lines()),
                "crisis policy");
    }

    CommunityPolicy read(String json) {
        PolicyV1 dto = versioned.read(json, PolicyV1.class, "crisis policy");
        try {
            List<LexiconEntry> additions = dto.additions() == null ? List.of() : dto.additions().stream()
                    .map(a -> new LexiconEntry(a.phrase(), CrisisCategory.valueOf(a.category()), a.weight())).toList();
            return new CommunityPolicy(additions, dto.allow() == null ? Set.of() : Set.copyOf(dto.allow()),
                    new DetectorThresholds(dto.crisis(), dto.relapse(), dto.high()), dto.country(),
                    dto.lines() == null ? Map.of() : dto.lines());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored crisis policy is invalid", e);
        }
    }
}
