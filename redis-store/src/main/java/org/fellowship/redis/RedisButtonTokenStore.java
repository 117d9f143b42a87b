package org.fellowship.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.codec.StringCodec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.ButtonTokenStore;

/**
 * Button tokens: 128 random bits, URL-safe Base64 without padding (22 chars), the action as versioned JSON. A token
 * only one member may press is also listed under that member ({@link KeySchema#memberButtons}, itself in their erasure
 * index), so {@code /forget} deletes it: its record names them and may hold a parked private message. Numbered
 * choices are one JSON array per conversation and member, replaced atomically with one {@code SET}; member-scoped
 * choices are listed in the member's erasure index. All of them expire on the store's clock: the value carries its
 * deadline (the index scores its entries by it) and Redis's TTL is only a backstop ({@link Expiry}). Thread-safe.
 */
final class RedisButtonTokenStore implements ButtonTokenStore {
    private static final Base64.Encoder TOKENS = Base64.getUrlEncoder().withoutPadding();
    private static final String CHOICE_KEY = "~choice";
    private static final char CHOICE_SEPARATOR = '~';
    private static final java.util.regex.Pattern CHOICE_VALUE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,8}");

    private final Redis redis;
    private final KeySchema keys;
    private final RecordCodec codec;
    private final UserKeys userKeys;
    private final Expiry expiry;
    private final SecureRandom random = new SecureRandom();

    // KEYS[1] the member's button index, KEYS[2] their erasure index (same slot); ARGV[1] token key, ARGV[2] now ms,
    // ARGV[3] the token's deadline ms (both on the store's clock), ARGV[4] the token's backstop TTL ms. Drops entries
    // whose deadline has passed, adds this one scored by its deadline, keeps the index alive (backstop) as long as
    // its longest button.
    static final Redis.Script INDEX = Redis.Script.of("buttonIndex", """
            local backstop = tonumber(ARGV[4])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < backstop then
              redis.call('PEXPIRE', KEYS[1], backstop)
            end
            redis.call('SADD', KEYS[2], KEYS[1])
            return 1
            """);

    RedisButtonTokenStore(Redis redis, KeySchema keys, RecordCodec codec, UserKeys userKeys, Expiry expiry) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.userKeys = userKeys;
        this.expiry = expiry;
    }

    @Override
    public String issue(ButtonAction action, Duration ttl) {
        Objects.requireNonNull(action, "action");
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = TOKENS.encodeToString(bytes);
        long now = expiry.now();
        long deadline = now + Math.max(1, ttl.toMillis());
        String stored = Expiry.wrap(deadline, codec.writeButtonAction(action));
        long px = Expiry.backstopMillis(ttl);
        if (action.allowedUser() != null) {
            // Listed first: a failure in between leaves a listed key that does not exist, never an unlisted one.
            redis.eval("button index", INDEX, ScriptOutputType.INTEGER, indexKeys(action.allowedUser()),
                    indexArgs(keys.buttonToken(token), now, deadline, px));
        }
        redis.call("button issue", c -> c.set(keys.buttonToken(token), stored, SetArgs.Builder.px(px)));
        return token;
    }

    private String[] indexKeys(ChatUserId member) {
        return new String[] {keys.memberButtons(member), keys.erasureIndex(member)};
    }

    private static String[] indexArgs(String tokenKey, long now, long deadline, long backstopMillis) {
        return new String[] {tokenKey, Long.toString(now), Long.toString(deadline), Long.toString(backstopMillis)};
    }

    /**
     * One record for all values: the tokens are {@code <base>~<value>} and the record remembers which data key the
     * value fills (under {@link #CHOICE_KEY}). One key per message instead of one per button keeps a daily prompt to
     * a million members cheap in Redis memory and round trips.
     */
    @Override
    public List<String> issueChoices(ButtonAction action, String key, List<String> values, Duration ttl) {
        for (String v : values) {
            if (!CHOICE_VALUE.matcher(v).matches()) {
                throw new IllegalArgumentException("choice values must be 1-8 of [A-Za-z0-9_-]");
            }
        }
        java.util.Map<String, String> data = new java.util.HashMap<>(action.data());
        data.put(CHOICE_KEY, key);
        String base = issue(new ButtonAction(action.handler(), data, action.allowedUser()), ttl);
        return values.stream().map(v -> base + CHOICE_SEPARATOR + v).toList();
    }

    /** Like {@link #issueChoices} for each action, with every record written in one pipelined flush. */
    @Override
    public List<List<String>> issueChoicesAll(List<ButtonAction> actions, String key, List<String> values,
                                              Duration ttl) {
        for (String v : values) {
            if (!CHOICE_VALUE.matcher(v).matches()) {
                throw new IllegalArgumentException("choice values must be 1-8 of [A-Za-z0-9_-]");
            }
        }
        long px = Expiry.backstopMillis(ttl);
        long now = expiry.now();
        long deadline = now + Math.max(1, ttl.toMillis());
        List<io.lettuce.core.protocol.AsyncCommand<String, String, String>> writes =
                new java.util.ArrayList<>(actions.size());
        List<List<String>> out = new java.util.ArrayList<>(actions.size());
        List<String[]> indexKeys = new java.util.ArrayList<>();
        List<String[]> indexArgs = new java.util.ArrayList<>();
        for (ButtonAction action : actions) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String base = TOKENS.encodeToString(bytes);
            java.util.Map<String, String> data = new java.util.HashMap<>(action.data());
            data.put(CHOICE_KEY, key);
            String json = Expiry.wrap(deadline,
                    codec.writeButtonAction(new ButtonAction(action.handler(), data, action.allowedUser())));
            String redisKey = keys.buttonToken(base);
            if (action.allowedUser() != null) {
                indexKeys.add(indexKeys(action.allowedUser()));
                indexArgs.add(indexArgs(redisKey, now, deadline, px));
            }
            writes.add(new io.lettuce.core.protocol.AsyncCommand<>(new io.lettuce.core.protocol.Command<>(
                    io.lettuce.core.protocol.CommandType.SET, new io.lettuce.core.output.StatusOutput<>(StringCodec.UTF8),
                    new io.lettuce.core.protocol.CommandArgs<>(StringCodec.UTF8).addKey(redisKey).addValue(json)
                            .add("PX").add(px))));
            out.add(values.stream().map(v -> base + CHOICE_SEPARATOR + v).toList());
        }
        if (!indexKeys.isEmpty()) {
            redis.evalAll("button index", INDEX, indexKeys, indexArgs);
        }
        redis.dispatchAll("button issue", writes);
        return out;
    }

    @Override
    public Optional<ButtonAction> resolve(String token) {
        Objects.requireNonNull(token, "token");
        if (!isPlausible(token)) {
            return Optional.empty();
        }
        int cut = token.indexOf(CHOICE_SEPARATOR);
        String base = cut < 0 ? token : token.substring(0, cut);
        String json = expiry.unwrap(redis.call("button resolve", c -> c.get(keys.buttonToken(base))));
        if (json == null) {
            return Optional.empty();
        }
        ButtonAction action = codec.readButtonAction(json);
        String choiceKey = action.get(CHOICE_KEY);
        if (cut < 0 || choiceKey == null) {
            return cut < 0 && choiceKey == null ? Optional.of(action) : Optional.empty();
        }
        String value = token.substring(cut + 1);
        if (!CHOICE_VALUE.matcher(value).matches()) {
            return Optional.empty();
        }
        java.util.Map<String, String> data = new java.util.HashMap<>(action.data());
        data.remove(CHOICE_KEY);
        data.put(choiceKey, value);
        return Optional.of(new ButtonAction(action.handler(), data, action.allowedUser()));
    }

    @Override
    public void revoke(String token) {
        Objects.requireNonNull(token, "token");
        if (isPlausible(token)) {
            int cut = token.indexOf(CHOICE_SEPARATOR);
            String base = cut < 0 ? token : token.substring(0, cut);
            redis.call("button revoke", c -> c.del(keys.buttonToken(base)));
        }
    }

    @Override
    public void rememberChoices(ConversationId conversation, ChatUserId member, List<String> tokens, Duration ttl) {
        String key = keys.choices(conversation, member);
        String json = codec.writeStrings(List.copyOf(tokens));
        if (member == null) {
            String stored = expiry.wrap(json, ttl);
            long px = Expiry.backstopMillis(ttl);
            redis.call("choices write", c -> c.set(key, stored, SetArgs.Builder.px(px)));
        } else {
            userKeys.set("choices write", key, keys.erasureIndex(member), json, ttl);
        }
    }

    @Override
    public List<String> choices(ConversationId conversation, ChatUserId member) {
        String json = expiry.unwrap(redis.call("choices read", c -> c.get(keys.choices(conversation, member))));
        return json == null ? List.of() : codec.readStrings(json);
    }

    // Tokens come back from the outside world (callback data): never let one reach the key space unchecked.
    private static boolean isPlausible(String token) {
        if (token.isEmpty() || token.length() > 64) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 127 || c == '{' || c == '}') {
                return false;
            }
        }
        return true;
    }
}
