package org.fellowship.redis;

import java.util.Objects;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.schedule.DueLane;

/**
 * The one place that builds Redis keys. Every key is {@code <namespace>:v1:...}; the version lets a future layout
 * live next to this one during a migration. Keys that must be changed together share a Redis Cluster hash tag:
 * a member's keys use <code>{u:tg:42}</code>, a community's keys use {@link CommunityId#hashTag()}, a conversation's
 * anonymous keys use <code>{c:tg:-1001}</code> and the due-queue keys use <code>{due}</code>.
 *
 * <p><b>Threading:</b> immutable and thread-safe. <b>Nullness:</b> arguments non-null unless stated.
 * <b>Failure:</b> {@link IllegalArgumentException} for a namespace or suffix that could break the key layout.
 */
public final class KeySchema {
    /** Layout version baked into every key. */
    public static final String VERSION = "v1";
    private static final String DEFAULT_NAMESPACE = "fs";
    private static final String DUE_TAG = "{due}";

    private final String prefix;

    private KeySchema(String namespace) {
        requireTame(namespace, "namespace");
        if (namespace.contains(":")) {
            throw new IllegalArgumentException("namespace must not contain ':'");
        }
        this.prefix = namespace + ":" + VERSION + ":";
    }

    /** The production layout: keys start with {@code fs:v1:}. */
    public static KeySchema defaults() {
        return new KeySchema(DEFAULT_NAMESPACE);
    }

    /** A separate layout under another namespace (tests use a random one so they never touch real data). */
    public static KeySchema namespaced(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return new KeySchema(namespace);
    }

    /** The common prefix of every key in this schema, for example {@code fs:v1:}. */
    public String prefix() {
        return prefix;
    }

    /**
     * Marker that an inbound event was handled, or that a due item delivered: {@code dedupe:<digest>}. The event key
     * names chats, messages and members ({@code tg:-1001:77}, {@code sent:mrem:tg:42:...}), so only a digest of it is
     * stored (SHA-256, first 128 bits, URL-safe Base64): nothing in the keyspace names them. A digest hides ids from
     * anyone reading keys, not from someone who knows an id and recomputes it; the marker holds nothing else and always
     * has a TTL. Not user-scoped, so not in any erasure index.
     */
    public String dedupe(String eventKey) {
        return prefix + "dedupe:" + digest(Objects.requireNonNull(eventKey, "eventKey"));
    }

    /** SHA-256 of {@code text}, its first 128 bits as URL-safe Base64 without padding (22 characters). */
    static String digest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /** The action behind an opaque button token. Always has a TTL. */
    public String buttonToken(String token) {
        return prefix + "btn:" + Objects.requireNonNull(token, "token");
    }

    /**
     * Numbered choices in a conversation: in the member's slot when {@code member} is non-null (so the key can be
     * listed in their erasure index), otherwise in the conversation's slot.
     */
    public String choices(ConversationId conversation, ChatUserId member) {
        Objects.requireNonNull(conversation, "conversation");
        if (member == null) {
            return prefix + "{c:" + conversation + "}:choices";
        }
        return user(member, "choices:" + conversation);
    }

    /**
     * A conversation-scoped key without member data, in the conversation's slot, for example
     * <code>fs:v1:{c:tg:-1001}:mod-protected:77</code>. Callers give it a TTL.
     */
    public String conversation(ConversationId conversation, String suffix) {
        return prefix + "{c:" + Objects.requireNonNull(conversation, "conversation") + "}:" + requireSuffix(suffix);
    }

    /** A member's profile record. */
    public String profile(ChatUserId member) {
        return user(member, "profile");
    }

    /**
     * Sorted set of the button token keys only this member may press ({@code ButtonAction.allowedUser}), scored by
     * when they expire: {@code /forget} deletes those tokens (their records name the member and may hold a parked
     * private message). Listed in the member's erasure index; pruned as buttons are issued; expires with the last.
     */
    public String memberButtons(ChatUserId member) {
        return user(member, "buttons");
    }

    /** The SET listing every key stored about a member (see {@link org.fellowship.core.store.MemberDataEraser}). */
    public String erasureIndex(ChatUserId member) {
        return user(member, "erasure");
    }

    /**
     * The SET listing the keys about a member that {@code /forget} keeps: moderation records (warnings, the member's
     * case references), which hold ids, rules, actions and times, never the member's words. {@code /export} lists them.
     */
    public String keptIndex(ChatUserId member) {
        return user(member, "kept");
    }

    /**
     * Any other member-scoped key, in the member's slot, for example {@code user(m, "warnings:tg:-100")}.
     * Callers must list it in the member's erasure index (or, for a moderation record, the kept index).
     */
    public String user(ChatUserId member, String suffix) {
        return prefix + userTag(member) + ":" + requireSuffix(suffix);
    }

    /** The member's hash tag, for example <code>{u:tg:42}</code>. */
    public static String userTag(ChatUserId member) {
        return "{u:" + Objects.requireNonNull(member, "member") + "}";
    }

    /** A community-scoped key in the community's slot, for example <code>fs:v1:{tg:-100123}:rules</code>. */
    public String community(CommunityId community, String suffix) {
        return prefix + Objects.requireNonNull(community, "community").hashTag() + ":" + requireSuffix(suffix);
    }

    /**
     * A community alias: the id {@code from} became (the new id's value, same platform). Outside the old community's
     * slot: nothing is left under the old hash tag once its state moved, and an alias holds no member data. The name
     * is the one the stores wrote before there was an alias port, so aliases recorded then still resolve.
     */
    public String communityAlias(CommunityId from) {
        return prefix + "community-moved:" + Objects.requireNonNull(from, "from");
    }

    /** The {@link DueLane#DEFAULT} lane's schedule (see {@link #dueSchedule(DueLane)}). */
    public String dueSchedule() {
        return dueSchedule(DueLane.DEFAULT);
    }

    /**
     * Sorted set of one lane's due-queue ids scored by due time, or by lease expiry while leased (epoch millis). The
     * default lane keeps the key it had before there were lanes ({@code ...:schedule}), so items queued then still run.
     */
    public String dueSchedule(DueLane lane) {
        return prefix + DUE_TAG + ":schedule" + (lane == DueLane.DEFAULT ? "" : ":" + lane.key());
    }

    /** Hash id -> {@code kind|dueAtMillis|payload}. */
    public String duePayloads() {
        return prefix + DUE_TAG + ":payloads";
    }

    /** Hash id -> lease token, present while an item is leased. */
    public String dueLeases() {
        return prefix + DUE_TAG + ":leases";
    }

    /** Hash id -> number of claims so far. */
    public String dueAttempts() {
        return prefix + DUE_TAG + ":attempts";
    }

    /**
     * Marker that the due item with this id was completed; lives for the done-retention window. Ids name members
     * ({@code ms:tg:42:...}) and outlive a {@code /forget}, so only a digest of the id is in the key.
     */
    public String dueDone(String id) {
        return prefix + DUE_TAG + ":done:" + digest(Objects.requireNonNull(id, "id"));
    }

    /** Hash id -> the member an item is about ({@code tg:42}), for items scheduled with a subject. */
    public String dueSubjects() {
        return prefix + DUE_TAG + ":subjects";
    }

    /**
     * Set of the ids of pending or leased items about one member, so {@code /forget} cancels them: {@code
     * <prefix>{due}:about:tg:42}. In the due slot (the scripts change it with the item); deleted by the erasure.
     */
    public String dueAbout(ChatUserId member) {
        return dueAboutPrefix() + Objects.requireNonNull(member, "member");
    }

    /** {@link #dueAbout} without the member, for scripts that read the subject from {@link #dueSubjects()}. */
    String dueAboutPrefix() {
        return prefix + DUE_TAG + ":about:";
    }

    /**
     * A check-in settings bucket (hash member -> settings). All check-in schedule keys share the hash tag
     * <code>{ci}</code> so one script can change a member's record and the due index together.
     */
    public String checkinSettings(int bucket) {
        return prefix + "{ci}:s:" + bucket;
    }

    /** A check-in days bucket (hash member -> recent days). */
    public String checkinDays(int bucket) {
        return prefix + "{ci}:d:" + bucket;
    }

    /** Sorted set of members scored by their next check-in prompt or reminder (epoch millis). */
    public String checkinDue() {
        return prefix + "{ci}:due";
    }

    /** A deployment-wide secret generated on first use (for example the calendar link key). */
    public String secret(String name) {
        return prefix + "secret:" + requireSuffix(name);
    }

    /**
     * The mentor chain's shared state (roster, alerts, indexes): every key carries the hash tag <code>{mentors}</code>
     * so one script can change an alert and the open-alert index together.
     */
    public String mentors(String suffix) {
        return prefix + "{mentors}:" + requireSuffix(suffix);
    }

    /**
     * A send-rate window of one scope (e.g. the Telegram bot): all windows of a scope share the hash tag
     * <code>{rl:scope}</code> so one script can check them together. Window names carry chat and member ids (a chat's
     * own limit, a member's flood window), so only their digest is in the key, like {@link #dedupe}.
     */
    public String rateWindow(String scope, String window) {
        requireTame(Objects.requireNonNull(scope, "scope"), "rate scope");
        return prefix + "{rl:" + scope + "}:w:" + digest(requireSuffix(window));
    }

    /** The pause marker of a rate scope (set after a platform's "too many requests"). */
    public String ratePause(String scope) {
        requireTame(Objects.requireNonNull(scope, "scope"), "rate scope");
        return prefix + "{rl:" + scope + "}:pause";
    }

    private static String requireSuffix(String suffix) {
        requireTame(Objects.requireNonNull(suffix, "suffix"), "key suffix");
        return suffix;
    }

    // Braces would create a second hash tag and whitespace breaks tooling: keep key parts tame.
    private static void requireTame(String part, String what) {
        if (part.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c <= ' ' || c == '{' || c == '}' || c == 0x7f) {
                throw new IllegalArgumentException(what + " contains a space, brace or control character");
            }
        }
    }

    @Override
    public String toString() {
        return "KeySchema[" + prefix + "]";
    }
}
