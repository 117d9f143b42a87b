package org.fellowship.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;
import org.fellowship.core.store.StoreUnavailableException;

/**
 * The shared connection plus the one place that turns Lettuce failures into {@link StoreUnavailableException}.
 * Thread-safe: Lettuce multiplexes concurrent synchronous commands over one connection (no MULTI is ever used,
 * atomic steps are Lua scripts).
 */
final class Redis {
    private final StatefulRedisConnection<String, String> connection;

    Redis(StatefulRedisConnection<String, String> connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Runs one step against Redis.
     *
     * @param operation a constant name for the message, never user data
     */
    <T> T call(String operation, Function<RedisCommands<String, String>, T> step) {
        try {
            return step.apply(connection.sync());
        } catch (RedisException e) {
            throw new StoreUnavailableException("Redis unavailable during " + operation + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Runs a Lua script by SHA, loading it again when the server answers NOSCRIPT (restart, SCRIPT FLUSH). */
    <T> T eval(String operation, Script script, ScriptOutputType type, String[] keys, String... args) {
        return call(operation, commands -> {
            try {
                return commands.evalsha(script.sha(), type, keys, args);
            } catch (RedisNoScriptException e) {
                commands.scriptLoad(script.body());
                return commands.evalsha(script.sha(), type, keys, args);
            }
        });
    }

    /** Loads scripts up front so the first real call needs one round trip. */
    void load(Script... scripts) {
        call("script load", commands -> {
            for (Script s : scripts) {
                String sha = commands.scriptLoad(s.body());
                if (!sha.equals(s.sha())) {
                    throw new IllegalStateException("server SHA differs for script " + s.name());
                }
            }
            return null;
        });
    }

    /** A Lua script and its SHA-1 (computed locally; identical to what SCRIPT LOAD returns). */
    record Script(String name, String body, String sha) {
        static Script of(String name, String body) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8));
                return new Script(name, body, HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 missing from the JVM", e);
            }
        }
    }
}
