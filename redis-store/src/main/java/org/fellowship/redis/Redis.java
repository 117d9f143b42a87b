package org.fellowship.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.fellowship.core.port.StoreUnavailableException;

/**
 * The shared connection plus the one place that turns Lettuce failures into {@link StoreUnavailableException}.
 * Thread-safe: Lettuce multiplexes concurrent commands over one connection (no MULTI is ever used,
 * atomic steps are Lua scripts).
 */
final class Redis {
    private final StatefulRedisConnection<String, String> connection;

    Redis(StatefulRedisConnection<String, String> connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Runs one command against Redis and waits for its answer (up to the connection's timeout). The async API is
     * used and awaited here rather than Lettuce's synchronous proxy, which costs a reflective dispatch per call on
     * the engine's hot path.
     *
     * @param operation a constant name for the message, never user data
     */
    <T> T call(String operation, Function<RedisAsyncCommands<String, String>, RedisFuture<T>> step) {
        try {
            return await(step.apply(connection.async()));
        } catch (RedisException e) {
            throw unavailable(operation, e);
        }
    }

    /**
     * Sends several commands without waiting in between (one flush, pipelined), then waits for all of them: far less
     * CPU and latency than one {@link #call} each when many independent commands go out together.
     */
    <T> java.util.List<T> callAll(String operation,
                                  java.util.List<Function<RedisAsyncCommands<String, String>, RedisFuture<T>>> steps) {
        RedisAsyncCommands<String, String> commands = connection.async();
        try {
            java.util.List<RedisFuture<T>> futures = new java.util.ArrayList<>(steps.size());
            for (Function<RedisAsyncCommands<String, String>, RedisFuture<T>> step : steps) {
                futures.add(step.apply(commands));
            }
            java.util.List<T> out = new java.util.ArrayList<>(futures.size());
            for (RedisFuture<T> f : futures) {
                out.add(await(f));
            }
            return out;
        } catch (RedisException e) {
            throw unavailable(operation, e);
        }
    }

    /**
     * Like {@link #callAll}, for commands built by hand: the whole batch is handed to the connection in one write, so
     * Lettuce encodes it into one buffer and flushes it with one socket write (with {@link #callAll} every command is
     * a task and a flush of its own on the I/O thread, which is most of a pipeline's CPU).
     */
    <T> java.util.List<T> dispatchAll(String operation,
                                      java.util.List<io.lettuce.core.protocol.AsyncCommand<String, String, T>> commands) {
        try {
            connection.dispatch(commands);
            java.util.List<T> out = new java.util.ArrayList<>(commands.size());
            for (io.lettuce.core.protocol.AsyncCommand<String, String, T> c : commands) {
                out.add(await(c));
            }
            return out;
        } catch (RedisException e) {
            throw unavailable(operation, e);
        }
    }

    /** Runs a Lua script by SHA, loading it again when the server answers NOSCRIPT (restart, SCRIPT FLUSH). */
    <T> T eval(String operation, Script script, ScriptOutputType type, String[] keys, String... args) {
        RedisAsyncCommands<String, String> commands = connection.async();
        try {
            try {
                return await(commands.<T>evalsha(script.sha(), type, keys, args));
            } catch (RedisNoScriptException e) {
                await(commands.scriptLoad(script.body()));
                return await(commands.<T>evalsha(script.sha(), type, keys, args));
            }
        } catch (RedisException e) {
            throw unavailable(operation, e);
        }
    }

    /**
     * Runs one script that answers an integer once per key and argument set, all handed to the connection in one write
     * like {@link #dispatchAll}; loads it again and repeats the batch once when the server answers NOSCRIPT (so the
     * script must be safe to run twice).
     */
    java.util.List<Long> evalAll(String operation, Script script, java.util.List<String[]> keys,
                                 java.util.List<String[]> args) {
        try {
            return dispatchAll(operation, evalCommands(script, keys, args));
        } catch (StoreUnavailableException e) {
            if (!(e.getCause() instanceof RedisNoScriptException)) {
                throw e;
            }
            load(script);
            return dispatchAll(operation, evalCommands(script, keys, args));
        }
    }

    private static java.util.List<io.lettuce.core.protocol.AsyncCommand<String, String, Long>> evalCommands(
            Script script, java.util.List<String[]> keys, java.util.List<String[]> args) {
        java.util.List<io.lettuce.core.protocol.AsyncCommand<String, String, Long>> commands =
                new java.util.ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            io.lettuce.core.protocol.CommandArgs<String, String> a =
                    new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8)
                            .add(script.sha()).add(keys.get(i).length);
            for (String k : keys.get(i)) {
                a.addKey(k);
            }
            for (String v : args.get(i)) {
                a.addValue(v);
            }
            commands.add(new io.lettuce.core.protocol.AsyncCommand<>(new io.lettuce.core.protocol.Command<>(
                    io.lettuce.core.protocol.CommandType.EVALSHA,
                    new io.lettuce.core.output.IntegerOutput<>(io.lettuce.core.codec.StringCodec.UTF8), a)));
        }
        return commands;
    }

    /** Loads scripts up front so the first real call needs one round trip. */
    void load(Script... scripts) {
        for (Script s : scripts) {
            String sha = call("script load", c -> c.scriptLoad(s.body()));
            if (!sha.equals(s.sha())) {
                throw new IllegalStateException("server SHA differs for script " + s.name());
            }
        }
    }

    private <T> T await(RedisFuture<T> future) {
        return LettuceFutures.awaitOrCancel(future, connection.getTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private static StoreUnavailableException unavailable(String operation, RedisException e) {
        return new StoreUnavailableException("Redis unavailable during " + operation + ": "
                + e.getClass().getSimpleName(), e);
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
