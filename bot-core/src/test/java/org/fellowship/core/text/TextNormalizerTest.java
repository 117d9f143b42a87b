package org.fellowship.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
    private final TextNormalizer normalizer = TextNormalizer.standard();

    @ParameterizedTest(name = "evasion {index}")
    @CsvSource(delimiter = '|', value = {
            "KILL MYSELF | kill myself",
            "k\u200bi\u200dl\u2060l myself | kill myself",
            "\u043a\u0456ll m\u0443self | kill myself",          // Cyrillic look-alikes
            "\u03bav\u03bfw | kvow",                                // Greek look-alikes
            "k1ll mys3lf | kill myself",
            "ki11 my$elf | kill myself",
            "k i l l myself | kill myself",
            "k.i.l.l m.y.s.e.l.f | kill myself",
            "k-i-l-l myself | kill myself",
            "killllll myself | killl myself",
            "\uff4b\uff49\uff4c\uff4c myself | kill myself",          // full-width (NFKC)
            "k\u00efll m\u00fdself | kill myself",                       // accents
            "im done | i am done",
            "I\u2019m done | i am done",
            "dont | do not",
            "can't | can not",
            "wont | will not",
            "I'll go | i will go",
            "call 988 | call 988",
            "so   many    spaces | so many spaces"})
    void foldsEvasions(String input, String expected) {
        assertThat(normalizer.fold(input)).isEqualTo(expected);
    }

    @Test
    void keepsNumbersAndPlainWordsApart() {
        assertThat(normalizer.fold("2 years ago")).isEqualTo("2 years ago");
        assertThat(normalizer.fold("hello, world!")).isEqualTo("hello , world !");
        assertThat(normalizer.fold("I am fine")).isEqualTo("i am fine");
    }

    @Test
    void sourcesPointBackIntoTheOriginal() {
        String original = "Please, I want to K\u200bILL myself";
        TextNormalizer.Normalized n = normalizer.normalize(original);
        int from = n.text().indexOf("kill");
        int[] span = n.sourceSpan(from, from + 4);
        assertThat(original.substring(span[0], span[1]).replace("\u200b", "")).isEqualTo("KILL");
    }

    @Property
    void idempotent(@ForAll("chatText") String text) {
        String once = normalizer.fold(text);
        assertThat(normalizer.fold(once)).isEqualTo(once);
    }

    @Property
    void oneSourceIndexPerCharacterAndInRange(@ForAll @StringLength(max = 80) String text) {
        TextNormalizer.Normalized n = normalizer.normalize(text);
        assertThat(n.sources()).hasSize(n.text().length());
        for (int s : n.sources()) {
            assertThat(s).isBetween(0, Math.max(0, text.length() - 1));
        }
    }

    @Property
    void lowerCaseTrimmedSingleSpaced(@ForAll("chatText") String text) {
        String folded = normalizer.fold(text);
        assertThat(folded).isEqualTo(folded.strip()).doesNotContain("  ").doesNotContain("'");
        assertThat(folded).isEqualTo(folded.toLowerCase(java.util.Locale.ROOT));
    }

    @Property
    void invisibleCharactersNeverChangeTheResult(@ForAll("chatText") String text) {
        StringBuilder sprinkled = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            sprinkled.append(text.charAt(i));
            if (i % 2 == 0) {
                sprinkled.append('\u200b');
            }
        }
        assertThat(normalizer.fold(sprinkled.toString())).isEqualTo(normalizer.fold(text));
    }

    @Property
    void caseNeverChangesTheResult(@ForAll("chatText") String text) {
        assertThat(normalizer.fold(text.toUpperCase(java.util.Locale.ROOT))).isEqualTo(normalizer.fold(text));
    }

    @Provide
    Arbitrary<String> chatText() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz ,.!?'").ofMaxLength(60);
    }
}
