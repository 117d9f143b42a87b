package org.fellowship.core.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.model.Access;

/**
 * A command whose first word picks what runs ({@code /meetings import <url>}), registered as that command's handler.
 * The word is matched in any case and the handler gets the rest of the arguments, stripped. A subcommand for
 * moderators is checked when it runs, the way the engine checks a command: the moderator flag the platform reported
 * for this event; who may not run it gets the {@link Refusal} instead.
 *
 * <p>An immutable value: each method returns a new one, so a feature builds it once at start-up and the engine runs
 * it from any thread.
 */
public final class Subcommands implements CommandHandler {
    private final String command;
    private final Map<String, Route> routes;
    private final Consumer<Turn> bare;
    private final Route otherwise;
    private final Refusal refusal;

    private record Route(Access access, CommandHandler handler) {
    }

    private Subcommands(String command, Map<String, Route> routes, Consumer<Turn> bare, Route otherwise,
                        Refusal refusal) {
        this.command = command;
        this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        this.bare = bare;
        this.otherwise = otherwise;
        this.refusal = refusal;
    }

    /**
     * The subcommands of {@code /command}, none yet. Until {@link #bare} and {@link #otherwise} say otherwise, no words
     * or a word nobody registered is a usage error that lists the subcommands; refusals are
     * {@link Refusal#PRIVATELY}.
     *
     * @param command the command's name without slash, for refusals and that usage error
     */
    public static Subcommands of(String command) {
        return new Subcommands(Objects.requireNonNull(command, "command"), Map.of(), null, null, Refusal.PRIVATELY);
    }

    /** What runs when there are no arguments at all. */
    public Subcommands bare(Consumer<Turn> handler) {
        return new Subcommands(command, routes, Objects.requireNonNull(handler, "handler"), otherwise, refusal);
    }

    /** A subcommand everyone may run. */
    public Subcommands sub(String word, CommandHandler handler) {
        return sub(word, Access.EVERYONE, handler);
    }

    /**
     * A subcommand.
     *
     * @param word    lower case, without whitespace; register an alias as a second word with the same handler
     * @param handler gets the arguments after the word, stripped ("" when there are none)
     */
    public Subcommands sub(String word, Access access, CommandHandler handler) {
        if (word.isEmpty() || !word.equals(word.toLowerCase(Locale.ROOT)) || !FirstWord.of(word).word().equals(word)) {
            throw new IllegalArgumentException("a subcommand is one lower-case word: \"" + word + "\"");
        }
        Map<String, Route> more = new LinkedHashMap<>(routes);
        if (more.putIfAbsent(word, new Route(Objects.requireNonNull(access, "access"),
                Objects.requireNonNull(handler, "handler"))) != null) {
            throw new IllegalStateException("/" + command + " " + word + " is registered twice");
        }
        return new Subcommands(command, more, bare, otherwise, refusal);
    }

    /** What runs for a first word no subcommand has; it gets all the arguments, as the command received them. */
    public Subcommands otherwise(CommandHandler handler) {
        return otherwise(Access.EVERYONE, handler);
    }

    /** {@link #otherwise(CommandHandler)}, for those with {@code access} only. */
    public Subcommands otherwise(Access access, CommandHandler handler) {
        return new Subcommands(command, routes, bare, new Route(Objects.requireNonNull(access, "access"),
                Objects.requireNonNull(handler, "handler")), refusal);
    }

    /** What a member who may not run a subcommand is told, when the feature words it its own way. */
    public Subcommands refusing(Refusal how) {
        return new Subcommands(command, routes, bare, otherwise, Objects.requireNonNull(how, "how"));
    }

    @Override
    public void handle(Turn turn, String arguments) {
        FirstWord first = FirstWord.of(arguments);
        if (first.word().isEmpty() && bare != null) {
            bare.accept(turn);
            return;
        }
        Route route = routes.get(first.key());
        if (route != null) {
            run(turn, route, "/" + command + " " + first.key(), first.rest());
        } else if (otherwise != null) {
            run(turn, otherwise, "/" + command + (first.word().isEmpty() ? "" : " " + first.key()), arguments);
        } else {
            String which = "Say which: /" + command + " " + String.join(", /" + command + " ", routes.keySet()) + ".";
            throw new UsageException(first.word().isEmpty() ? which
                    : "I don't know \"/" + command + " " + Clip.typed(first.word(), 20) + "\". " + which);
        }
    }

    private void run(Turn turn, Route route, String what, String arguments) {
        if (!turn.may(route.access())) {
            refusal.refuse(turn, what);
            return;
        }
        route.handler().handle(turn, arguments);
    }
}
