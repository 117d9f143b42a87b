package org.fellowship.redis;

import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.store.MemberProfileStore;

/** Profiles as versioned JSON strings, each registered in the member's erasure index. Thread-safe, last write wins. */
final class RedisProfileStore implements MemberProfileStore {
    private final Redis redis;
    private final KeySchema keys;
    private final RecordCodec codec;
    private final UserKeys userKeys;

    RedisProfileStore(Redis redis, KeySchema keys, RecordCodec codec, UserKeys userKeys) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.userKeys = userKeys;
    }

    @Override
    public Optional<MemberProfile> find(ChatUserId member) {
        Objects.requireNonNull(member, "member");
        String json = redis.call("profile read", c -> c.get(keys.profile(member)));
        return json == null ? Optional.empty() : Optional.of(codec.readProfile(json));
    }

    @Override
    public void save(MemberProfile profile) {
        ChatUserId member = profile.id();
        userKeys.set("profile write", keys.profile(member), keys.erasureIndex(member), codec.writeProfile(profile), null);
    }
}
