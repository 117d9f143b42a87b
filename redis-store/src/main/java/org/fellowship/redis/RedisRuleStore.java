package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.model.CommunityId;
import org.fellowship.moderation.ModerationSettings;
import org.fellowship.moderation.Rule;
import org.fellowship.moderation.RuleStore;

/**
 * Filter rules and moderation settings in the community's slot: <code>fs:v1:{tg:-1001}:mod:rules</code> (hash rule id
 * -> JSON v1), <code>...:mod:rule-seq</code> (last rule id), <code>...:mod:settings</code> (JSON v1) and
 * <code>...:mod:rev</code> (revision, bumped by every change in the same script). Thread-safe; every change is
 * one atomic script.
 */
final class RedisRuleStore implements RuleStore {
    // KEYS[1] rules hash, KEYS[2] sequence, KEYS[3] revision; ARGV[1] rule JSON.
    static final Redis.Script ADD = Redis.Script.of("modRuleAdd", """
            local id = redis.call('INCR', KEYS[2])
            redis.call('HSET', KEYS[1], tostring(id), ARGV[1])
            redis.call('INCR', KEYS[3])
            return id
            """);
    // KEYS[1] rules hash, KEYS[2] revision; ARGV[1] id, ARGV[2] JSON or '' to remove.
    static final Redis.Script CHANGE = Redis.Script.of("modRuleChange", """
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
              return 0
            end
            if ARGV[2] == '' then
              redis.call('HDEL', KEYS[1], ARGV[1])
            else
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            end
            redis.call('INCR', KEYS[2])
            return 1
            """);
    // KEYS[1] settings, KEYS[2] revision; ARGV[1] JSON.
    static final Redis.Script SETTINGS = Redis.Script.of("modSettings", """
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('INCR', KEYS[2])
            return 1
            """);

    private final Redis redis;
    private final KeySchema keys;
    private final ModerationCodec codec;

    RedisRuleStore(Redis redis, KeySchema keys, ModerationCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
    }

    private String rulesKey(CommunityId c) {
        return keys.community(c, "mod:rules");
    }

    private String revKey(CommunityId c) {
        return keys.community(c, "mod:rev");
    }

    @Override
    public long revision(CommunityId community) {
        String rev = redis.call("moderation revision", c -> c.get(revKey(Objects.requireNonNull(community))));
        return rev == null ? 0 : Long.parseLong(rev);
    }

    @Override
    public List<Rule> rules(CommunityId community) {
        Map<String, String> all = redis.call("rules read", c -> c.hgetall(rulesKey(community)));
        List<Rule> rules = new ArrayList<>(all.size());
        all.forEach((id, json) -> rules.add(codec.readRule(community, Integer.parseInt(id), json)));
        rules.sort(Comparator.comparingInt(Rule::id));
        return rules;
    }

    @Override
    public Rule add(Rule draft) {
        CommunityId c = draft.community();
        Long id = redis.eval("rule add", ADD, ScriptOutputType.INTEGER,
                new String[] {rulesKey(c), keys.community(c, "mod:rule-seq"), revKey(c)}, codec.writeRule(draft));
        return draft.withId(Math.toIntExact(id));
    }

    @Override
    public Optional<Rule> replace(Rule rule) {
        Long changed = redis.eval("rule replace", CHANGE, ScriptOutputType.INTEGER,
                new String[] {rulesKey(rule.community()), revKey(rule.community())}, Integer.toString(rule.id()),
                codec.writeRule(rule));
        return changed != null && changed == 1L ? Optional.of(rule) : Optional.empty();
    }

    @Override
    public boolean remove(CommunityId community, int id) {
        Long changed = redis.eval("rule remove", CHANGE, ScriptOutputType.INTEGER,
                new String[] {rulesKey(community), revKey(community)}, Integer.toString(id), "");
        return changed != null && changed == 1L;
    }

    @Override
    public ModerationSettings settings(CommunityId community) {
        String json = redis.call("moderation settings read", c -> c.get(keys.community(community, "mod:settings")));
        return json == null ? ModerationSettings.defaults(community) : codec.readSettings(community, json);
    }

    @Override
    public void saveSettings(ModerationSettings settings) {
        CommunityId c = settings.community();
        redis.eval("moderation settings write", SETTINGS, ScriptOutputType.INTEGER,
                new String[] {keys.community(c, "mod:settings"), revKey(c)}, codec.writeSettings(settings));
    }
}
