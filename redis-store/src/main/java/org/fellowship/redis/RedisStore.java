package org.fellowship.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.milestone.MilestoneStore;
import org.fellowship.core.meeting.MeetingStore;
import org.fellowship.core.port.CommunityAliases;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.store.CommunityStateMover;
import org.fellowship.core.store.DirectChatRegistry;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberDataEraser;
import org.fellowship.core.store.MemberProfileStore;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.port.StoreUnavailableException;
import org.fellowship.moderation.CaseLog;
import org.fellowship.moderation.RuleStore;
import org.fellowship.moderation.WarningStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to one Redis server and hands out every store port backed by it. All stores share one thread-safe
 * Lettuce connection (commands from many threads are multiplexed over it).
 *
 * <p><b>Threading:</b> thread-safe; the stores it returns are thread-safe and may be kept for the store's life.
 * <b>Nullness:</b> arguments non-null, results never {@code null}. <b>Failure:</b> every Redis failure
 * (refused connection, timeout, error reply) is a {@link StoreUnavailableException} whose message holds no user
 * data. While the connection is down commands fail at once instead of queueing; Lettuce reconnects in the
 * background.
 */
public final class RedisStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);
    private static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Waiting for the first PONG: 6 attempts, pauses from 100 ms doubling to at most 2 s (about 3 s of pauses), each
     * attempt bounded by the 2 s connect timeout and the command timeout.
     */
    static final Retry READY = new Retry(6, Duration.ofMillis(100), Duration.ofSeconds(2), Retry.REAL);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final EventDeduplicator deduplicator;
    private final ButtonTokenStore buttons;
    private final MemberProfileStore profiles;
    private final MemberDataEraser eraser;
    private final DueQueue dueQueue;
    private final RateLimitStore rateLimits;
    private final DirectChatRegistry directChats;
    private final CommunityAliases aliases;
    private final CommunityStateMover communityMover;
    private final MilestoneStore milestones;
    private final MeetingStore meetings;
    private final MentorStore mentors;
    private final RuleStore moderationRules;
    private final WarningStore warnings;
    private final CaseLog cases;
    private final RedisCheckinStore checkins;
    private final CommunityPolicyStore policies;
    private final KeySchema keys;

    private RedisStore(RedisClient client, StatefulRedisConnection<String, String> connection, KeySchema keys,
            Duration doneRetention, Clock clock) {
        this.client = client;
        this.connection = connection;
        this.keys = keys;
        Redis redis = new Redis(connection);
        RecordCodec codec = new RecordCodec();
        Expiry expiry = new Expiry(clock);
        UserKeys userKeys = new UserKeys(redis, expiry);
        this.deduplicator = new RedisDeduplicator(redis, keys, codec, expiry);
        this.buttons = new RedisButtonTokenStore(redis, keys, codec, userKeys, expiry);
        this.profiles = new RedisProfileStore(redis, keys, codec, userKeys);
        this.checkins = new RedisCheckinStore(redis, keys, new CheckinCodec(), codec);
        this.eraser = new RedisMemberDataEraser(redis, keys, codec, expiry);
        this.dueQueue = new RedisDueQueue(redis, keys, doneRetention, expiry);
        this.rateLimits = new RedisRateLimitStore(redis, keys);
        this.directChats = new RedisDirectChatRegistry(redis, keys, userKeys);
        this.meetings = new RedisMeetingStore(redis, keys, new MeetingCodec(), userKeys, expiry);
        redis.load(RedisDueQueue.ALL);
        redis.load(MeetingCommunityMove.MOVE_SUBSCRIPTION, MilestoneCommunityMove.REPLACE_IF_SAME);
        redis.load(RedisRateLimitStore.TAKE, RedisRateLimitStore.FINISH, RedisDeduplicator.MARK);
        MilestoneCodec milestoneCodec = new MilestoneCodec();
        this.milestones = new RedisMilestoneStore(redis, keys, milestoneCodec, userKeys);
        redis.load(UserKeys.SET_AND_INDEX, RedisMemberDataEraser.ERASE, RedisMilestoneStore.ADD_DELIVERY,
                RedisButtonTokenStore.INDEX);
        this.mentors = new RedisMentorStore(redis, keys, new MentorCodec(), expiry);
        this.policies = new RedisCommunityPolicyStore(redis, keys);
        redis.load(RedisMentorStore.OPEN, RedisMentorStore.UPDATE);
        ModerationCodec moderationCodec = new ModerationCodec();
        this.moderationRules = new RedisRuleStore(redis, keys, moderationCodec);
        this.warnings = new RedisWarningStore(redis, keys, moderationCodec);
        this.cases = new RedisCaseLog(redis, keys, moderationCodec, expiry);
        this.aliases = new RedisCommunityAliases(redis, keys);
        // After the community's keys: the records that name it inside (member records, settings, announcements).
        this.communityMover = new RedisCommunityStateMover(redis, keys, List.of(
                new MeetingCommunityMove(redis, keys, new MeetingCodec()), new CheckinCommunityMove(redis, keys, checkins),
                new MilestoneCommunityMove(redis, keys, milestoneCodec, milestones),
                new ModerationCommunityMove(redis, keys), RedisCommunityStateMover.moderatorsChannel(mentors)));
        redis.load(RedisRuleStore.ADD, RedisRuleStore.CHANGE, RedisRuleStore.SETTINGS, RedisWarningStore.ADD,
                ModerationCommunityMove.MOVE_WARNINGS, RedisCaseLog.APPEND, RedisCaseLog.CLAIM, RedisCaseLog.INDEX);
        redis.load(RedisCheckinStore.ALL);
        redis.load(CheckinCommunityMove.MOVE_COMMUNITY);
    }

    /**
     * Connects and loads the Lua scripts.
     *
     * @param redisUri      for example {@code redis://127.0.0.1:6379} or {@code rediss://:password@host:6380/0};
     *                      without a {@code timeout} parameter commands time out after 5 s
     * @param keys          the key layout (use {@link KeySchema#defaults()} in production)
     * @param doneRetention how long completed due-queue ids are remembered (re-scheduling them is refused)
     * @param clock         the time every expiry is measured on (button tokens, choices, dedupe windows, drafts,
     *                      protection markers, resolved alerts): the bot's clock, so tests and replays control it
     * @throws StoreUnavailableException when the server cannot be reached: the first connection and PING are retried
     *                                   a bounded number of times (each retry logged) while the server refuses
     *                                   connections, times out or is still loading, so a server that is just
     *                                   starting is waited for
     * @throws IllegalArgumentException  for a malformed URI (the message never repeats the URI: it may hold a password)
     */
    public static RedisStore connect(String redisUri, KeySchema keys, Duration doneRetention, Clock clock) {
        return connect(redisUri, keys, doneRetention, clock, READY);
    }

    /** {@link #connect(String, KeySchema, Duration, Clock)} with the wait for the first PONG given (tests). */
    static RedisStore connect(String redisUri, KeySchema keys, Duration doneRetention, Clock clock, Retry ready) {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(doneRetention, "doneRetention");
        Objects.requireNonNull(clock, "clock");
        if (doneRetention.isNegative() || doneRetention.isZero()) {
            throw new IllegalArgumentException("doneRetention must be positive");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed Redis URI (expected redis://host:port)");
        }
        if (!redisUri.contains("timeout=")) {
            uri.setTimeout(DEFAULT_COMMAND_TIMEOUT);
        }
        // Lettuce records per-command latency histograms by default; on the engine's hot path that costs more than
        // it tells us, so it is off (the app measures what matters in its own metrics).
        ClientResources resources = DefaultClientResources.builder()
                .commandLatencyRecorder(CommandLatencyRecorder.disabled())
                .build();
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                // Fail fast while disconnected: callers decide (the engine handles events anyway).
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .build());
        StatefulRedisConnection<String, String> connection = null;
        String where = uri.getHost() + ":" + uri.getPort();
        try {
            connection = awaitPong(client, uri, where, ready);
            return new RedisStore(client, connection, keys, doneRetention, clock);
        } catch (RuntimeException e) {
            // Never leak the client's threads when start-up fails half-way.
            if (connection != null) {
                connection.close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            if (!(e instanceof RedisException)) {
                throw e;
            }
            throw new StoreUnavailableException("cannot connect to Redis at " + where + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Connects and sends PING, retrying (bounded, each retry logged) while the server refuses connections, times
     * out, or is still loading its data; returns the connection once PONG came back, so the first real command
     * never races a server that is still starting.
     */
    private static StatefulRedisConnection<String, String> awaitPong(RedisClient client, RedisURI uri, String where,
                                                                      Retry ready) {
        try {
            return ready.run("connecting to Redis at " + where, LOG, RedisStore::worthRetrying, () -> {
                StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8, uri);
                try {
                    String pong = connection.sync().ping();
                    if (!"PONG".equals(pong)) {
                        throw new RedisConnectionException("PING answered " + pong);
                    }
                    return connection;
                } catch (RuntimeException e) {
                    connection.close();
                    throw e;
                }
            });
        } catch (Retry.Exhausted e) {
            Throwable last = e.getCause();
            throw new StoreUnavailableException("cannot connect to Redis at " + where + " after " + e.attempts()
                    + " attempts (" + last.getClass().getSimpleName() + ")", last);
        } catch (InterruptedException e) {
            throw new StoreUnavailableException("interrupted while connecting to Redis at " + where, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Failures a starting or busy server gives; a wrong password or a refused command is not retried. */
    private static boolean worthRetrying(Exception e) {
        return e instanceof RedisConnectionException || e instanceof RedisCommandTimeoutException
                || e instanceof RedisLoadingException || e instanceof RedisBusyException;
    }

    /** Inbound event de-duplication ({@code SET key 1 NX PX ttl}). */
    public EventDeduplicator deduplicator() {
        return deduplicator;
    }

    /** Button tokens (random URL-safe, 22 chars) and numbered choices, all with TTLs. */
    public ButtonTokenStore buttons() {
        return buttons;
    }

    /** Member profiles as versioned JSON, registered in the erasure index. */
    public MemberProfileStore profiles() {
        return profiles;
    }

    /** Send-rate windows shared by every instance (one Lua script per take). */
    public RateLimitStore rateLimits() {
        return rateLimits;
    }

    /** Old community ids and the ids they became (a Telegram group that became a supergroup). */
    public CommunityAliases aliases() {
        return aliases;
    }

    /** Brings what is stored under a community's old id to its new one (see {@code RedisCommunityStateMover}). */
    public CommunityStateMover communityMover() {
        return communityMover;
    }

    /** Members with a private chat open with the bot (Telegram's "started the bot"), in the erasure index. */
    public DirectChatRegistry directChats() {
        return directChats;
    }

    /** Export and erasure through the per-member erasure index. */
    public MemberDataEraser eraser() {
        return eraser;
    }

    /** Clean dates, milestone settings and delivery records, registered in the erasure index. */
    public MilestoneStore milestones() {
        return milestones;
    }

    /** The shared due-queue. */
    public DueQueue dueQueue() {
        return dueQueue;
    }

    /** Community meetings, meeting settings and (erasable) reminder subscriptions. */
    public MeetingStore meetings() {
        return meetings;
    }

    /** The mentor chain's roster and alerts (one Lua script per alert change, resolved alerts expire). */
    public MentorStore mentors() {
        return mentors;
    }

    /** Group moderation's filter rules and settings (one script per change, with a revision counter). */
    public RuleStore moderationRules() {
        return moderationRules;
    }

    /** Warnings, as member data in the erasure index. */
    public WarningStore warnings() {
        return warnings;
    }

    /** The numbered, append-only case log (a stream per community), claims and crisis-message protection. */
    public CaseLog cases() {
        return cases;
    }

    /** Daily check-ins: compact bucket hashes plus one due index (see {@code RedisCheckinStore}); erasable. */
    public org.fellowship.core.checkin.CheckinStore checkins() {
        return checkins;
    }

    /** Each community's crisis settings (phrases, allow-list, threshold, country, own crisis lines). */
    public CommunityPolicyStore policies() {
        return policies;
    }

    /**
     * A random 256-bit secret (base64) shared by every instance on this Redis: made on first use with SET NX, so
     * concurrent first uses agree, and kept until someone deletes the key (which changes everything derived from it).
     *
     * @throws StoreUnavailableException when Redis cannot be reached
     */
    public String sharedSecret(String name) {
        String key = keys.secret(name);
        byte[] fresh = new byte[32];
        new java.security.SecureRandom().nextBytes(fresh);
        String candidate = java.util.Base64.getEncoder().encodeToString(fresh);
        Redis redis = new Redis(connection);
        redis.call("secret create", c -> c.setnx(key, candidate));
        return redis.call("secret read", c -> c.get(key));
    }

    /** {@code true} when the server answers PING with PONG within about one second; never throws. */
    public boolean ping() {
        return ping(Duration.ofSeconds(1));
    }

    /** {@code true} when the server answers PING with PONG within {@code timeout}; never throws. */
    public boolean ping(Duration timeout) {
        try {
            return "PONG".equals(connection.async().ping().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The server's {@code redis_version} from {@code INFO server}, or {@code "unknown"} if the field is missing.
     *
     * @throws StoreUnavailableException when the server cannot be asked
     */
    public String serverVersion() {
        String info = new Redis(connection).call("info", c -> c.info("server"));
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "unknown";
    }

    /**
     * The server's {@code used_memory} from {@code INFO memory}, in bytes (for benchmarks and capacity checks).
     *
     * @throws StoreUnavailableException when the server cannot be asked
     */
    public long usedMemory() {
        String info = new Redis(connection).call("info", c -> c.info("memory"));
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    /** Closes the connection and shuts the client's threads down. Idempotent. */
    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            // A client created with its own resources does not shut them down itself.
            client.getResources().shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
