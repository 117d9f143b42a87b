package org.fellowship.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.moderation.CaseLog;
import org.fellowship.moderation.ModCase;

/**
 * The case log is an append-only stream per community, <code>fs:v1:{tg:-1001}:mod:cases</code>: case {@code n} is
 * the entry with id {@code n-1} (a field {@code case} holding JSON v1), so {@code /case n} is one XRANGE. Numbering
 * and XADD happen in one script with the counter <code>...:mod:case-seq</code>, so instances never share a number.
 * Claims are a hash <code>...:mod:claims</code> (case number -> moderator, HSETNX). Protection markers for messages
 * the safety screen flagged are <code>fs:v1:{c:tg:-1001}:mod-protected:&lt;message id&gt;</code> holding only their
 * deadline on the store's clock ({@link Expiry}), no content. Thread-safe.
 */
final class RedisCaseLog implements CaseLog {
    /** How far back {@link #about} looks (newest first). */
    static final int SCAN_BACK = 2_000;

    // KEYS[1] stream, KEYS[2] counter; ARGV[1] JSON with "number":0 placeholder replaced here.
    static final Redis.Script APPEND = Redis.Script.of("caseAppend", """
            local n = redis.call('INCR', KEYS[2])
            local json = string.gsub(ARGV[1], '"number":0,', '"number":' .. n .. ',', 1)
            redis.call('XADD', KEYS[1], n .. '-1', 'case', json)
            return n
            """);
    // KEYS[1] member's case index, KEYS[2] erasure index (same hash tag); ARGV[1] "<community>|<number>".
    static final Redis.Script INDEX = Redis.Script.of("caseIndex", """
            redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('SADD', KEYS[2], KEYS[1])
            return 1
            """);
    // KEYS[1] claims hash; ARGV[1] case number, ARGV[2] moderator.
    static final Redis.Script CLAIM = Redis.Script.of("caseClaim", """
            redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('HGET', KEYS[1], ARGV[1])
            """);

    private final Redis redis;
    private final KeySchema keys;
    private final ModerationCodec codec;
    private final Expiry expiry;

    RedisCaseLog(Redis redis, KeySchema keys, ModerationCodec codec, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.expiry = expiry;
    }

    private String stream(CommunityId c) {
        return keys.community(c, "mod:cases");
    }

    @Override
    public ModCase append(ModCase draft) {
        CommunityId c = draft.community();
        Long n = redis.eval("case append", APPEND, ScriptOutputType.INTEGER,
                new String[] {stream(c), keys.community(c, "mod:case-seq")}, codec.writeCase(draft.withNumber(0)));
        ModCase appended = draft.withNumber(n);
        // Cases about a member (or reported by one) are member data: indexed in their slot for /export and /forget.
        // A separate call, because the member's slot is not the community's; a crash in between leaves one case
        // unindexed (it still ages with the log).
        if (appended.subject() != null) {
            index(appended.subject(), c, n);
        }
        if (appended.actor() != null && appended.action().equals("report")) {
            index(appended.actor(), c, n);
        }
        return appended;
    }

    private String memberIndex(ChatUserId member) {
        return keys.user(member, "mod-cases");
    }

    private void index(ChatUserId member, CommunityId community, long number) {
        redis.eval("case index", INDEX, ScriptOutputType.INTEGER,
                new String[] {memberIndex(member), keys.erasureIndex(member)}, community + "|" + number);
    }

    private static CommunityId community(String ref) {
        String community = ref.substring(0, ref.indexOf('|'));
        int colon = community.indexOf(':');
        return new CommunityId(VersionedJson.platform(community.substring(0, colon)), community.substring(colon + 1));
    }

    private static long number(String ref) {
        return Long.parseLong(ref.substring(ref.indexOf('|') + 1));
    }

    @Override
    public Map<String, String> export(ChatUserId member) {
        Map<String, String> out = new TreeMap<>();
        for (String ref : redis.call("case index read", c -> c.smembers(memberIndex(member)))) {
            CommunityId community = community(ref);
            String id = number(ref) + "-1";
            List<StreamMessage<String, String>> found = redis.call("case read",
                    c -> c.xrange(stream(community), Range.create(id, id)));
            if (!found.isEmpty()) {
                out.put("case " + community + " " + number(ref), found.get(0).getBody().get("case"));
            }
        }
        return out;
    }

    @Override
    public int forget(ChatUserId member) {
        int removed = 0;
        String index = memberIndex(member);
        for (String ref : redis.call("case index read", c -> c.smembers(index))) {
            Long n = redis.call("case erase", c -> c.xdel(stream(community(ref)), number(ref) + "-1"));
            removed += n == null ? 0 : n.intValue();
            redis.call("case unindex", c -> c.srem(index, ref));
        }
        redis.call("case index erase", c -> c.del(index));
        redis.call("case index unlist", c -> c.srem(keys.erasureIndex(member), index));
        return removed;
    }

    @Override
    public Optional<ModCase> find(CommunityId community, long number) {
        String id = number + "-1";
        List<StreamMessage<String, String>> found = redis.call("case read",
                c -> c.xrange(stream(community), Range.create(id, id)));
        return found.isEmpty() ? Optional.empty()
                : Optional.of(codec.readCase(community, found.get(0).getBody().get("case")));
    }

    @Override
    public List<ModCase> about(CommunityId community, ChatUserId subject, int limit) {
        List<StreamMessage<String, String>> recent = redis.call("cases read", c -> c.xrevrange(stream(community),
                Range.create("-", "+"), Limit.from(SCAN_BACK)));
        String wanted = ModerationCodec.user(subject);
        List<ModCase> found = new ArrayList<>();
        for (StreamMessage<String, String> m : recent) {
            String json = m.getBody().get("case");
            // cheap pre-check before decoding: the subject's id appears in the JSON
            if (json != null && json.contains("\"subject\":\"" + wanted + "\"")) {
                found.add(codec.readCase(community, json));
                if (found.size() >= limit) {
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public ChatUserId claim(CommunityId community, long number, ChatUserId moderator) {
        String holder = redis.eval("case claim", CLAIM, ScriptOutputType.VALUE,
                new String[] {keys.community(community, "mod:claims")}, Long.toString(number),
                ModerationCodec.user(moderator));
        return ModerationCodec.user(holder);
    }

    private String protectedKey(MessageRef message) {
        return keys.conversation(message.conversation(), "mod-protected:" + message.messageId());
    }

    @Override
    public void protect(MessageRef message, Duration ttl) {
        String marker = expiry.wrap("1", ttl);
        redis.call("protect message", c -> c.set(protectedKey(message), marker,
                SetArgs.Builder.px(Expiry.backstopMillis(ttl))));
    }

    @Override
    public boolean isProtected(MessageRef message) {
        return expiry.unwrap(redis.call("protected read", c -> c.get(protectedKey(message)))) != null;
    }
}
