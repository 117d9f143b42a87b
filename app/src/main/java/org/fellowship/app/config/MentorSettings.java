package org.fellowship.app.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mentor chain.
 *
 * @param communities the fellowship's own groups as {@code tg:<chat id>} or {@code dc:<server id>}: only their mentors
 *                    go on call, only their moderators set tiers and the moderators' channel, and only their members
 *                    (and anyone writing to the bot privately) are offered a mentor. Empty: every group the bot is in,
 *                    which lets the admin of any group that adds the bot shape the chain, so set it in production.
 */
@ConfigurationProperties("fellowship.mentors")
public record MentorSettings(List<String> communities) {
    public MentorSettings {
        communities = communities == null ? List.of() : List.copyOf(communities);
        fellowship(communities); // fail at start-up on a malformed entry
    }

    /** The configured groups. */
    public Set<CommunityId> fellowship() {
        return fellowship(communities);
    }

    private static Set<CommunityId> fellowship(List<String> entries) {
        Set<CommunityId> ids = new LinkedHashSet<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            Platform platform = null;
            for (Platform p : Platform.values()) {
                if (colon > 0 && p.code().equals(e.substring(0, colon))) {
                    platform = p;
                }
            }
            if (platform == null || !e.substring(colon + 1).matches("-?\\d{1,20}")) {
                throw new IllegalArgumentException("fellowship.mentors.communities: '" + e + "' is not tg:<chat id> "
                        + "or dc:<server id>");
            }
            ids.add(new CommunityId(platform, e.substring(colon + 1)));
        }
        return Set.copyOf(ids);
    }
}
