package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.milestone.CommunityMilestones;
import org.fellowship.core.milestone.MemberMilestones;
import org.fellowship.core.milestone.MilestoneStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * Milestone state in Redis. Member keys live in the member's slot and are listed in their erasure index:
 * <code>fs:v1:{u:tg:42}:milestones</code> (string, JSON v1) and <code>fs:v1:{u:tg:42}:milestone-deliveries</code>
 * (set of delivered idempotency keys). A community's settings are <code>fs:v1:{tg:-1001}:milestones</code> (string,
 * JSON v1). Thread-safe; saves are last-write-wins; {@link #firstDelivery} is one atomic script.
 */
final class RedisMilestoneStore implements MilestoneStore {
    // KEYS[1] deliveries set, KEYS[2] erasure index (same hash tag); ARGV[1] delivery id.
    static final Redis.Script ADD_DELIVERY = Redis.Script.of("milestoneDelivery", """
            local added = redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('SADD', KEYS[2], KEYS[1])
            return added
            """);

    private final Redis redis;
    private final KeySchema keys;
    private final MilestoneCodec codec;
    private final UserKeys userKeys;

    RedisMilestoneStore(Redis redis, KeySchema keys, MilestoneCodec codec, UserKeys userKeys) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.userKeys = userKeys;
    }

    static String memberSuffix() {
        return "milestones";
    }

    @Override
    public Optional<MemberMilestones> find(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        String json = redis.call("milestones read", c -> c.get(keys.user(member, memberSuffix())));
        return json == null ? Optional.empty() : Optional.of(codec.readMember(json));
    }

    @Override
    public void save(MemberMilestones milestones) {
        ChatUserId member = milestones.member();
        userKeys.set("milestones write", keys.user(member, memberSuffix()), keys.erasureIndex(member),
                codec.writeMember(milestones), null);
    }

    @Override
    public Optional<CommunityMilestones> community(CommunityId community) {
        Objects.requireNonNull(community, "community");
        String json = redis.call("community milestones read", c -> c.get(keys.community(community, "milestones")));
        return json == null ? Optional.empty() : Optional.of(codec.readCommunity(json));
    }

    @Override
    public void saveCommunity(CommunityMilestones settings) {
        String json = codec.writeCommunity(settings);
        redis.call("community milestones write", c -> c.set(keys.community(settings.community(), "milestones"), json));
    }

    @Override
    public boolean firstDelivery(ChatUserId member, String deliveryId) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Long added = redis.eval("milestone delivery", ADD_DELIVERY, ScriptOutputType.INTEGER,
                new String[] {keys.user(member, "milestone-deliveries"), keys.erasureIndex(member)}, deliveryId);
        return added != null && added == 1L;
    }
}
