package org.fellowship.app.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.fellowship.app.nlp.OpenNlpAnalyzer;
import org.fellowship.app.semantic.EmbeddingSemanticScorer;
import org.fellowship.core.safety.SemanticScorer;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.time.ManualClock;
import org.fellowship.redis.EmbeddedRedis;
import org.fellowship.redis.KeySchema;
import org.fellowship.redis.RedisStore;

/**
 * The command-line modes that need no platform token: {@code replay FILE [--redis-url URL]},
 * {@code console [--redis-url URL]} and {@code evaluate-detector CSV [--column NAME] [--label-column NAME]}. Output goes to stdout, diagnostics to stderr; logs are quiet (warnings only,
 * on stderr) so replay output stays pure JSON lines.
 */
public final class LocalModes {
    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int NO_REDIS = 3;
    private static final Set<String> MODES = Set.of("replay", "console", "evaluate-detector");
    private static final Duration DONE_RETENTION = Duration.ofDays(14);

    private LocalModes() {
    }

    public static boolean handles(String firstArgument) {
        return MODES.contains(firstArgument);
    }

    /** Runs a mode and returns the process exit code. */
    public static int run(String[] args) {
        // Before any logger exists: keep stdout for the mode's own output.
        System.setProperty("logback.configurationFile", "logback-local.xml");
        return run(args, System.in, System.out, System.err);
    }

    static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        String mode = args[0];
        if (mode.equals("evaluate-detector")) {
            return evaluateDetector(args, out, err);
        }
        String redisUrl = option(args, "--redis-url");
        if (redisUrl == null) {
            String env = System.getenv("REDIS_URL");
            redisUrl = env == null || env.isBlank() ? null : env;
        }
        if (mode.equals("replay") && (args.length < 2 || args[1].startsWith("--"))) {
            err.println("usage: replay FILE [--redis-url URL] [--no-semantic]   (FILE may be - for standard input)");
            return BAD_INPUT;
        }
        EmbeddedRedis embedded = null;
        try {
            String uri = redisUrl;
            if (uri == null) {
                embedded = EmbeddedRedis.start(null, 0);
                uri = embedded.uri();
            }
            // A fresh key namespace keeps a run on a shared server as empty as a fresh embedded one.
            KeySchema keys = redisUrl == null ? KeySchema.defaults() : KeySchema.namespaced("replay-" + System.nanoTime());
            // Replays run on simulated time, and so do the store's expiries; the console runs on real time.
            ManualClock replayClock = ReplayRunner.newClock();
            Clock clock = mode.equals("replay") ? replayClock : Clock.systemUTC();
            try (RedisStore store = RedisStore.connect(uri, keys, DONE_RETENTION, clock)) {
                if (mode.equals("replay")) {
                    return replay(args[1], store, replayClock, in, out, err, semantic(args));
                }
                new ConsoleRunner(store, out, clock, semantic(args)).run(reader(in));
                return OK;
            }
        } catch (IOException e) {
            err.println(mode + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (RuntimeException e) {
            err.println(mode + ": cannot use Redis: " + e.getMessage());
            return NO_REDIS;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The semantic stage's scorer unless {@code --no-semantic} (loaded once per process). */
    private static SemanticScorer semantic(String[] args) {
        return java.util.Arrays.asList(args).contains("--no-semantic") ? null : EmbeddingSemanticScorer.shared();
    }

    private static int replay(String file, RedisStore store, ManualClock clock, java.io.InputStream in,
                              PrintStream out, PrintStream err, SemanticScorer semantic) throws IOException {
        BufferedReader reader;
        try {
            reader = file.equals("-") ? reader(in) : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("replay: no such file: " + file);
            return BAD_INPUT;
        }
        try (reader) {
            Path base = file.equals("-") ? Path.of("") : Path.of(file).toAbsolutePath().getParent();
            new ReplayRunner(store, clock, out, base, semantic).run(reader);
            return OK;
        } catch (TranscriptException e) {
            out.flush();
            err.println("replay: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static int evaluateDetector(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[1].startsWith("--")) {
            err.println("usage: evaluate-detector CSV [--column TEXT_COLUMN] [--label-column LABEL_COLUMN] [--simple] "
                    + "[--no-semantic] [--suite FILE] [--authors DIR] [--craving FILE] [--cssrs FILE] [--write-model FILE]");
            return BAD_INPUT;
        }
        try {
            boolean simple = java.util.Arrays.asList(args).contains("--simple");
            CrisisDetector detector = simple ? CrisisDetector.simple() : CrisisDetector.standard(OpenNlpAnalyzer.shared());
            int code = new DetectorEvaluation(detector, out).run(Path.of(args[1]), option(args, "--column"),
                    option(args, "--label-column"), err);
            if (code != OK || java.util.Arrays.asList(args).contains("--no-semantic")
                    || !SemanticEvaluation.applies(Path.of(args[1]))) {
                return code;
            }
            // the semantic stage needs the other labelled sets too: the craving set beside the C-SSRS file, the suite
            Path csv = Path.of(args[1]).toAbsolutePath();
            Path dev = SemanticEvaluation.isSuite(csv) ? Path.of(orDefault(option(args, "--cssrs"),
                    "../shared/data/crisis/cssrs-dev.csv")) : csv;
            Path craving = Path.of(orDefault(option(args, "--craving"), dev.resolveSibling(
                    "stopdrinking-craving/craving_test_set.csv").toString()));
            Path suite = SemanticEvaluation.isSuite(csv) ? csv
                    : Path.of(orDefault(option(args, "--suite"), SemanticEvaluation.DEFAULT_SUITE));
            String write = option(args, "--write-model");
            Path authors = Path.of(orDefault(option(args, "--authors"), SemanticEvaluation.DEFAULT_AUTHORS));
            new SemanticEvaluation(detector, out, err).run(dev, craving, suite, authors,
                    write == null ? null : Path.of(write));
            return OK;
        } catch (IOException e) {
            err.println("evaluate-detector: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static BufferedReader reader(java.io.InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static String option(String[] args, String name) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
