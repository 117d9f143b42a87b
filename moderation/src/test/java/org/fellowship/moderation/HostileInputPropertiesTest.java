package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;

/** Hostile patterns and texts never hang and never throw anything but a validation message. */
class HostileInputPropertiesTest {
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    private static final ChatUserId MOD = new ChatUserId(Platform.TELEGRAM, "7");
    private static final long BUDGET_NANOS = Duration.ofSeconds(2).toNanos();

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> pieces = Arbitraries.of("(", ")", "*", "+", "?", "|", "{1000}", "{2,}", "\\", "[", "]", "^",
                "$", ".", "a", "aa", "x+", "(?i)", "(?=", "\\1", "\\b", "\\p{L}", "{", "}", "-", " ", "é", "\u200b");
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
    void validationNeverHangsAndOnlyFailsWithAMessage(@ForAll("patterns") String pattern) {
        for (RuleKind kind : List.of(RuleKind.KEYWORD, RuleKind.PHRASE, RuleKind.REGEX)) {
            long start = System.nanoTime();
            try {
                RuleSet.validate(kind, pattern);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            }
            assertThat(System.nanoTime() - start).as("validating %s", kind).isLessThan(BUDGET_NANOS);
        }
    }

    @Property(tries = 200)
    void evaluationOfValidRulesOnHostileTextNeverThrowsOrHangs(@ForAll("patterns") String pattern,
                                                               @ForAll("texts") String text) {
        List<Rule> rules = new ArrayList<>();
        int id = 1;
        for (RuleKind kind : RuleKind.values()) {
            String p = kind.content() && (kind == RuleKind.KEYWORD || kind == RuleKind.PHRASE || kind == RuleKind.REGEX)
                    ? pattern : "";
            try {
                RuleSet.validate(kind, p);
            } catch (IllegalArgumentException e) {
                continue;
            }
            rules.add(new Rule(GROUP, id++, kind, p, 2, Duration.ofSeconds(10), ActionType.DELETE, null,
                    RuleMode.ENFORCE, MOD, Instant.EPOCH));
        }
        rules.add(new Rule(GROUP, id, RuleKind.REGEX, "(x+x+)+y", 0, null, ActionType.DELETE, null, RuleMode.ENFORCE,
                MOD, Instant.EPOCH));
        RuleSet set = RuleSet.compile(rules, ModerationSettings.defaults(GROUP));
        long start = System.nanoTime();
        List<Hit> hits = set.evaluate(text, 0);
        assertThat(System.nanoTime() - start).isLessThan(BUDGET_NANOS);
        for (Hit h : hits) {
            assertThat(h.start()).isBetween(0, text.length());
            assertThat(h.end()).isBetween(h.start(), text.length());
            assertThat(Excerpt.of(text, h.start(), h.end()).length()).isLessThanOrEqualTo(Excerpt.MAX + 2);
        }
    }
}
