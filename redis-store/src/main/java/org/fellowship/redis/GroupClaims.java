package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.LinkedHashSet;
import java.util.Set;
import org.fellowship.core.model.CommunityId;

/**
 * Which groups the bot's operator claimed, for {@link RedisMentorStore}: <code>fs:v1:{mentors}:claim-code</code>
 * holds the one valid claim code and <code>fs:v1:{mentors}:claimed</code> the claimed groups ({@code tg:-100..}).
 * Claiming checks the code, replaces it and adds the group in one script, so a code works once across instances.
 * Thread-safe.
 */
final class GroupClaims {
    // KEYS[1] claim code, KEYS[2] claimed groups; ARGV[1] code offered, ARGV[2] next code, ARGV[3] group field
    static final Redis.Script CLAIM = Redis.Script.of("mentorGroupClaim", """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[3])
            return 1
            """);

    private final Redis redis;
    private final KeySchema keys;

    GroupClaims(Redis redis, KeySchema keys) {
        this.redis = redis;
        this.keys = keys;
    }

    Set<CommunityId> claimed() {
        Set<String> fields = redis.call("claimed groups read", c -> c.smembers(keys.mentors("claimed")));
        Set<CommunityId> out = new LinkedHashSet<>();
        for (String f : fields) {
            int colon = f.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("stored claimed group is invalid");
            }
            out.add(new CommunityId(VersionedJson.platform(f.substring(0, colon)), f.substring(colon + 1)));
        }
        return Set.copyOf(out);
    }

    /** The current claim code, {@code fresh} when there was none. */
    String code(String fresh) {
        redis.call("claim code create", c -> c.setnx(keys.mentors("claim-code"), fresh));
        return redis.call("claim code read", c -> c.get(keys.mentors("claim-code")));
    }

    boolean claim(CommunityId community, String code, String next) {
        Long done = redis.eval("group claim", CLAIM, ScriptOutputType.INTEGER,
                new String[] {keys.mentors("claim-code"), keys.mentors("claimed")}, code, next,
                RedisMentorStore.communityField(community));
        return done != null && done == 1L;
    }

    boolean unclaim(CommunityId community) {
        Long removed = redis.call("group unclaim", c -> c.srem(keys.mentors("claimed"),
                RedisMentorStore.communityField(community)));
        return removed != null && removed > 0;
    }
}
