package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulePatternsTest {
    @Test
    void badPatternsGetOneLineMessages() {
        assertThatThrownBy(() -> RulePatterns.validate(RuleKind.REGEX, "(unclosed"))
                .hasMessageStartingWith("That regex doesn't compile").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> RulePatterns.validate(RuleKind.REGEX, "(?=lookahead)"))
                .hasMessageStartingWith("That regex doesn't compile");
        assertThatThrownBy(() -> RulePatterns.validate(RuleKind.REGEX, "a*")).hasMessageContaining("empty text");
        assertThatThrownBy(() -> RulePatterns.validate(RuleKind.REGEX, "((a{100}){100}){100}"))
                .hasMessageContaining("repeats too much");
        assertThatThrownBy(() -> RulePatterns.validate(RuleKind.REGEX, "x".repeat(301))).hasMessageContaining("longer");
        assertThatThrownBy(() -> RulePatterns.validate(RuleKind.KEYWORD, "sp*am")).hasMessageContaining("start or end");
        assertThatThrownBy(() -> RulePatterns.validate(RuleKind.KEYWORD, "*-*")).hasMessageContaining("no letters");
        assertThatThrownBy(() -> RulePatterns.validate(RuleKind.PHRASE, "buy now*")).hasMessageContaining("wildcards");
        RulePatterns.validate(RuleKind.REGEX, "(x+x+)+y");
    }

    @Test
    void runesThatHangRe2jCaseFoldingAreRefusedBeforeCompiling() {
        // RE2/J 1.8 on Java 17 never finishes case-folding U+1C80-U+1C88 (found by HostileInputPropertiesTest).
        for (String hostile : List.of("\u1c80", "a\u1c88", "\\x{1C80}", "\\x{1c84}", "[\\x{100}-\\x{2000}]",
                "[^\\x{1C80}]", "\\Q\u1c81\\E", "[a-\u1c85]", "\\\u1c88", "[\\\u1c80]", "[a-\\\u1c85]",
                "-*\\\u1c88|*).x+\\+}\\1")) {
            assertThatThrownBy(() -> RulePatterns.validate(RuleKind.REGEX, hostile)).as(hostile)
                    .hasMessageContaining("U+1C80-U+1C88");
        }
        for (String fine : List.of("[\\x{41}-\\x{1E943}]", "[\\x{1C70}-\\x{1C7F}]", "\\x{1c8}0", "[a-z]+\\d{2}",
                "\\pL", "[^\\w]")) {
            RulePatterns.validate(RuleKind.REGEX, fine);
        }
    }
}
