package org.fellowship.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.model.CommunityId;

/**
 * Everything in a test's key namespace that still names a community: key names, set members, list items, string
 * values and hash fields and values (member records, community records, the due-queue's pending items). Skips what
 * carries an old id by design: the community's alias, finished due items' idempotency markers and button tokens
 * already sent (both expire; a button pressed later resolves its community through the aliases).
 */
final class KeyspaceMentions {
    private KeyspaceMentions() {
    }

    static List<String> of(RedisCommands<String, String> raw, KeySchema keys, CommunityId community) {
        List<String> found = new ArrayList<>();
        String tag = community.hashTag();
        String named = ":" + community + ":";
        String value = community.value();
        String done = keys.dueDone("x").substring(0, keys.dueDone("x").lastIndexOf(':') + 1);
        String buttons = keys.buttonToken("");
        ScanArgs match = ScanArgs.Builder.matches(RedisCommunityStateMover.globEscape(keys.prefix()) + "*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = raw.scan(cursor, match);
            for (String key : page.getKeys()) {
                if (key.startsWith(done)) {
                    continue; // a finished item's idempotency marker: holds no data, expires, must not run again
                }
                if (key.startsWith(buttons)) {
                    continue; // buttons already sent carry the old id until they expire; the aliases resolve them
                }
                if (key.equals(keys.communityAlias(community))) {
                    continue; // the alias itself: old id -> new id, by design (it holds no member data)
                }
                if (key.contains(tag) || key.contains(named) || key.endsWith(":" + community)) {
                    found.add(key);
                }
                String type = raw.type(key);
                if (type.equals("set")) {
                    raw.smembers(key).stream().filter(m -> m.contains(tag) || m.contains(named))
                            .forEach(m -> found.add(key + " contains " + m));
                }
                if (type.equals("list")) {
                    raw.lrange(key, 0, -1).stream().filter(item -> item.contains(tag) || item.contains(named))
                            .forEach(item -> found.add(key + " item " + item));
                }
                if (type.equals("string")) { // member records (JSON) and community records
                    String v = raw.get(key);
                    if (v != null && (v.contains(tag) || v.contains("\"" + value + "\"")
                            || v.contains("|" + value) || v.contains(community.toString()))) {
                        found.add(key + " value");
                    }
                }
                if (type.equals("hash")) { // the due-queue's pending items: ids and payloads
                    raw.hgetall(key).forEach((field, v) -> {
                        for (String text : List.of(field, v)) {
                            if (text.contains(tag) || text.contains(":" + value + ":") || text.contains("\t" + value + "\t")
                                    || text.contains("|" + value) || text.contains(community.toString())) {
                                found.add(key + " field " + field);
                            }
                        }
                    });
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return found;
    }
}
