package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;

/**
 * Hostile patterns and texts never hang and never throw anything but a validation message.
 *
 * <p>The work is bounded by tries, never by a time budget: how fast validation runs depends on the machine and its
 * load, so no assertion here measures it. RE2/J is linear-time by construction; what can go wrong is a pattern that
 * makes it loop forever (RE2/J 1.8 does, case-folding U+1C80-U+1C88, which {@link RulePatterns#validate} refuses). So each
 * call runs on a worker thread and a call that has not returned after {@link #HANG} fails as a hang instead of
 * hanging the build: a generous bound on waiting for that thread, hundreds of times what any call needs.
 */
class HostileInputPropertiesTest {
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    private static final ChatUserId MOD = new ChatUserId(Platform.TELEGRAM, "7");
    /** Only a call that never returns can take this long (the slowest seen on a loaded machine: about 2 s). */
    private static final Duration HANG = Duration.ofMinutes(1);
    private static ExecutorService worker = newWorker();

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-input-worker");
            t.setDaemon(true); // a hung call must not keep the JVM alive
            return t;
        });
    }

    @AfterContainer
    static void stopWorker() {
        worker.shutdownNow();
    }

    /** Runs {@code call} on the worker and returns its result; fails when it is still running after {@link #HANG}. */
    private static synchronized <T> T returning(String what, Callable<T> call) throws Exception {
        Future<T> result = worker.submit(call);
        try {
            return result.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The hung thread cannot be stopped: leave it (a daemon) and give later calls a fresh worker.
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError(what + " never returned: it hangs", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> pieces = Arbitraries.of("(", ")", "*", "+", "?", "|", "{1000}", "{2,}", "\\", "[", "]", "^",
                "$", ".", "a", "aa", "x+", "(?i)", "(?=", "\\1", "\\b", "\\p{L}", "{", "}", "-", " ", "é", "\u200b",
                "\u1c80", "\u1c88");
        return Arbitraries.oneOf(pieces.list().ofMaxSize(40).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(120));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(400),
                Arbitraries.of("a", "x", "ab", "@", ".", " ", "k", "\u200b", "0").list().ofMaxSize(3000)
                        .map(l -> String.join("", l)));
    }

    @Property(tries = 300)
    void validationNeverHangsAndOnlyFailsWithAMessage(@ForAll("patterns") String pattern) throws Exception {
        for (RuleKind kind : List.of(RuleKind.KEYWORD, RuleKind.PHRASE, RuleKind.REGEX)) {
            String refusal = returning("validating " + kind + " " + pattern, () -> {
                try {
                    RulePatterns.validate(kind, pattern);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            });
            if (refusal != null) {
                assertThat(refusal).as("validating %s", kind).isNotBlank().doesNotContain("\n");
            }
        }
    }

    @Property(tries = 200)
    void evaluationOfValidRulesOnHostileTextNeverThrowsOrHangs(@ForAll("patterns") String pattern,
                                                               @ForAll("texts") String text) throws Exception {
        List<Rule> rules = new ArrayList<>();
        int id = 1;
        for (RuleKind kind : RuleKind.values()) {
            String p = kind.content() && (kind == RuleKind.KEYWORD || kind == RuleKind.PHRASE || kind == RuleKind.REGEX)
                    ? pattern : "";
            try {
                returning("validating " + kind, () -> {
                    RulePatterns.validate(kind, p);
                    return null;
                });
            } catch (IllegalArgumentException e) {
                continue;
            }
            rules.add(new Rule(GROUP, id++, kind, p, 2, Duration.ofSeconds(10), ActionType.DELETE, null,
                    RuleMode.ENFORCE, MOD, Instant.EPOCH));
        }
        rules.add(new Rule(GROUP, id, RuleKind.REGEX, "(x+x+)+y", 0, null, ActionType.DELETE, null, RuleMode.ENFORCE,
                MOD, Instant.EPOCH));
        List<Hit> hits = returning("evaluating rules from " + pattern, () -> {
            RuleSet set = RuleSet.compile(rules, ModerationSettings.defaults(GROUP));
            return set.evaluate(text, 0);
        });
        for (Hit h : hits) {
            assertThat(h.start()).isBetween(0, text.length());
            assertThat(h.end()).isBetween(h.start(), text.length());
            assertThat(Excerpt.of(text, h.start(), h.end()).length()).isLessThanOrEqualTo(Excerpt.MAX + 2);
        }
    }
}
