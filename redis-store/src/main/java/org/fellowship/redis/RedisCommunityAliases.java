package org.fellowship.redis;

import io.lettuce.core.SetArgs;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.port.CommunityAliases;

/**
 * {@link CommunityAliases} as one small string per old id ({@link KeySchema#communityAlias}: the new id's value),
 * written with {@code SET NX} so the first target recorded for an id stays. Resolving reads one key per step (one
 * read for a community that never moved). The cycle check reads the target's chain before writing; two instances
 * recording opposite steps at the same moment could both pass it (a platform never reports that), and resolution
 * stops at the first id it meets twice, so it ends even then. Thread-safe.
 */
final class RedisCommunityAliases implements CommunityAliases {
    private final Redis redis;
    private final KeySchema keys;

    RedisCommunityAliases(Redis redis, KeySchema keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean record(CommunityId from, CommunityId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.platform() != to.platform()) {
            throw new IllegalArgumentException("a community keeps its platform");
        }
        String recorded = step(from);
        if (recorded != null) {
            return recorded.equals(to.value());
        }
        if (from.equals(to) || current(to).equals(from)) {
            return false;
        }
        String set = redis.call("community alias write", c -> c.set(keys.communityAlias(from), to.value(),
                SetArgs.Builder.nx()));
        return set != null || to.value().equals(step(from));
    }

    @Override
    public CommunityId current(CommunityId community) {
        CommunityId now = Objects.requireNonNull(community, "community");
        Set<CommunityId> seen = new HashSet<>();
        String next = step(now);
        while (next != null && seen.add(now)) {
            now = new CommunityId(now.platform(), next);
            next = step(now);
        }
        return now;
    }

    /** The value of the id {@code from} became, or {@code null} when it never moved. */
    private String step(CommunityId from) {
        return redis.call("community alias read", c -> c.get(keys.communityAlias(from)));
    }
}
