package org.fellowship.redis;

import io.lettuce.core.KeyValue;
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
 * A case's member words (the excerpt, a report's reason) are not in the stream, which cannot be edited in place, but
 * in the hash <code>...:mod:case-words</code> (fields {@code n} and {@code n:reason}), written by the same script:
 * {@code /forget} deletes those fields and the case stays, read back without words. Cases an older version wrote
 * with the words inline are deleted from the stream by {@code /forget} instead (XDEL; their numbers stay used).
 * Claims are a hash <code>...:mod:claims</code> (case number -> moderator, HSETNX). Protection markers for messages
 * the safety screen flagged are <code>fs:v1:{c:tg:-1001}:mod-protected:&lt;message id&gt;</code> holding only their
 * deadline on the store's clock ({@link Expiry}), no content. Thread-safe.
 */
final class RedisCaseLog implements CaseLog {
    /** How far back {@link #about} looks (newest first). */
    static final int SCAN_BACK = 2_000;
    /** The member key's suffix of the set of references to the cases about them ({@code <community>|<number>}). */
    static final String MEMBER_INDEX = "mod-cases";

    // KEYS[1] stream, KEYS[2] counter, KEYS[3] words hash; ARGV[1] JSON with "number":0 placeholder replaced here,
    // ARGV[2] excerpt, ARGV[3] a report's reason ("" when none).
    static final Redis.Script APPEND = Redis.Script.of("caseAppend", """
            local n = redis.call('INCR', KEYS[2])
            local json = string.gsub(ARGV[1], '"number":0,', '"number":' .. n .. ',', 1)
            redis.call('XADD', KEYS[1], n .. '-1', 'case', json)
            if ARGV[2] ~= '' then redis.call('HSET', KEYS[3], tostring(n), ARGV[2]) end
            if ARGV[3] ~= '' then redis.call('HSET', KEYS[3], n .. ':reason', ARGV[3]) end
            return n
            """);
    // KEYS[1] member's case index, KEYS[2] kept index, KEYS[3] erasure index (same hash tag); ARGV[1]
    // "<community>|<number>". An index an older version listed for erasure moves to the kept index.
    static final Redis.Script INDEX = Redis.Script.of("caseIndex", """
            redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('SADD', KEYS[2], KEYS[1])
            redis.call('SREM', KEYS[3], KEYS[1])
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

    private String words(CommunityId c) {
        return keys.community(c, "mod:case-words");
    }

    @Override
    public ModCase append(ModCase draft) {
        CommunityId c = draft.community();
        String reportReason = draft.action().equals("report") ? draft.reason() : "";
        Long n = redis.eval("case append", APPEND, ScriptOutputType.INTEGER,
                new String[] {stream(c), keys.community(c, "mod:case-seq"), words(c)},
                codec.writeCase(draft.withNumber(0).withoutWords()), draft.excerpt(), reportReason);
        ModCase appended = draft.withNumber(n);
        // Cases about a member (or reported by one) are indexed in their slot for /export, and kept by /forget.
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

    /** The stored case with its words put back from the words hash, where they are still kept. */
    private ModCase withWords(ModCase stored) {
        if (stored.holdsWords()) {
            return stored; // written inline by an older version
        }
        String n = Long.toString(stored.number());
        List<KeyValue<String, String>> kept = redis.call("case words read",
                c -> c.hmget(words(stored.community()), n, n + ":reason"));
        String excerpt = kept.get(0).getValueOrElse("");
        String reason = stored.action().equals("report") ? kept.get(1).getValueOrElse("") : stored.reason();
        return new ModCase(stored.community(), stored.number(), stored.at(), stored.action(), stored.actor(),
                stored.subject(), stored.chat(), stored.messageId(), stored.ruleId(), reason, excerpt,
                stored.outcome());
    }

    private String memberIndex(ChatUserId member) {
        return keys.user(member, MEMBER_INDEX);
    }

    private void index(ChatUserId member, CommunityId community, long number) {
        redis.eval("case index", INDEX, ScriptOutputType.INTEGER,
                new String[] {memberIndex(member), keys.keptIndex(member), keys.erasureIndex(member)},
                community + "|" + number);
    }

    private static CommunityId community(String ref) {
        String community = ref.substring(0, ref.indexOf('|'));
        int colon = community.indexOf(':');
        return new CommunityId(VersionedJson.platform(community.substring(0, colon)), community.substring(colon + 1));
    }

    private static long number(String ref) {
        return Long.parseLong(ref.substring(ref.indexOf('|') + 1));
    }

    /** The stored case a member reference points at, as stored (words not put back), if it is still there. */
    private Optional<ModCase> stored(CommunityId community, long number) {
        String id = number + "-1";
        List<StreamMessage<String, String>> found = redis.call("case read",
                c -> c.xrange(stream(community), Range.create(id, id)));
        return found.isEmpty() ? Optional.empty()
                : Optional.of(codec.readCase(community, found.get(0).getBody().get("case")));
    }

    @Override
    public Map<String, String> export(ChatUserId member) {
        Map<String, String> out = new TreeMap<>();
        for (String ref : redis.call("case index read", c -> c.smembers(memberIndex(member)))) {
            CommunityId community = community(ref);
            stored(community, number(ref)).ifPresent(c -> out.put("case " + community + " " + number(ref),
                    codec.writeCase(withWords(c))));
        }
        return out;
    }

    @Override
    public int forget(ChatUserId member) {
        int cleared = 0;
        String index = memberIndex(member);
        for (String ref : redis.call("case index read", c -> c.smembers(index))) {
            CommunityId community = community(ref);
            long number = number(ref);
            Optional<ModCase> stored = stored(community, number);
            if (stored.isPresent() && stored.get().holdsWords()) {
                // written inline by an older version: a stream entry cannot be edited, so it goes (the number stays)
                redis.call("case erase", c -> c.xdel(stream(community), number + "-1"));
                redis.call("case unindex", c -> c.srem(index, ref));
                cleared++;
                continue;
            }
            Long n = redis.call("case words erase", c -> c.hdel(words(community), Long.toString(number),
                    number + ":reason"));
            cleared += n != null && n > 0 ? 1 : 0;
        }
        return cleared;
    }

    @Override
    public boolean holdsWordsOf(ChatUserId member) {
        for (String ref : redis.call("case index read", c -> c.smembers(memberIndex(member)))) {
            if (stored(community(ref), number(ref)).map(this::withWords).filter(ModCase::holdsWords).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<ModCase> find(CommunityId community, long number) {
        return stored(community, number).map(this::withWords);
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
                found.add(withWords(codec.readCase(community, json)));
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
