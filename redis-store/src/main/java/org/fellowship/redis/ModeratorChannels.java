package org.fellowship.redis;

import java.util.Optional;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;

/**
 * The moderators' channel of each platform, for {@link RedisMentorStore}:
 * <code>fs:v1:{mentors}:moderators-channel:tg</code> holds {@code tg:-100..}. Earlier builds kept one channel for all platforms under
 * <code>fs:v1:{mentors}:moderators-channel</code>; it is still read, for its own platform only, until that platform's
 * channel is set. Thread-safe.
 */
final class ModeratorChannels {
    /** The one moderators' channel of earlier builds; now the prefix of the per-platform keys. */
    private static final String LEGACY_CHANNEL = "moderators-channel";

    private final Redis redis;
    private final KeySchema keys;

    ModeratorChannels(Redis redis, KeySchema keys) {
        this.redis = redis;
        this.keys = keys;
    }

    Optional<ConversationId> get(Platform platform) {
        String stored = redis.call("mentor channel read", c -> c.get(channelKey(platform)));
        if (stored == null) {
            // written before channels were per platform: one key for all, used for its own platform only
            stored = redis.call("mentor channel read", c -> c.get(keys.mentors(LEGACY_CHANNEL)));
        }
        ConversationId channel = stored == null ? null : parseChannel(stored);
        return channel == null || channel.platform() != platform ? Optional.empty() : Optional.of(channel);
    }

    /** Sets ({@code null}: clears) the platform's channel, and drops the legacy one when it was this platform's. */
    void set(Platform platform, ConversationId channel) {
        if (channel != null && channel.platform() != platform) {
            throw new IllegalArgumentException("the moderators' channel must be on " + platform.lowerName());
        }
        String legacy = redis.call("mentor channel read", c -> c.get(keys.mentors(LEGACY_CHANNEL)));
        if (legacy != null && parseChannel(legacy).platform() == platform) {
            redis.call("mentor channel clear", c -> c.del(keys.mentors(LEGACY_CHANNEL)));
        }
        if (channel == null) {
            redis.call("mentor channel clear", c -> c.del(channelKey(platform)));
        } else {
            redis.call("mentor channel write", c -> c.set(channelKey(platform),
                    channel.platform().code() + ":" + channel.value()));
        }
    }

    private String channelKey(Platform platform) {
        return keys.mentors(LEGACY_CHANNEL + ":" + platform.code());
    }

    private static ConversationId parseChannel(String stored) {
        int colon = stored.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("stored moderators' channel is invalid");
        }
        return new ConversationId(VersionedJson.platform(stored.substring(0, colon)), stored.substring(colon + 1));
    }
}
