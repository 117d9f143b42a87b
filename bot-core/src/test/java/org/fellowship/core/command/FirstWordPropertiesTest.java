package org.fellowship.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** However a member spaces their arguments, the first word and the rest come out the same. */
class FirstWordPropertiesTest {

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('-', '_', ':', '1')
                .ofMinLength(1).ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> gaps() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\r').ofMinLength(1).ofMaxLength(4);
    }

    @Property(tries = 500)
    void theFirstWordAndTheRestSurviveAnySpacing(@ForAll("words") String word, @ForAll("words") String second,
                                                @ForAll("words") String third, @ForAll("gaps") String before,
                                                @ForAll("gaps") String between, @ForAll("gaps") String inside,
                                                @ForAll("gaps") String after) {
        FirstWord first = FirstWord.of(before + word + between + second + inside + third + after);
        assertThat(first.word()).isEqualTo(word);
        assertThat(first.rest()).isEqualTo(second + inside + third);
        assertThat(first.key()).isEqualTo(word.toLowerCase(java.util.Locale.ROOT));
    }

    @Property(tries = 200)
    void oneWordHasNoRest(@ForAll("words") String word, @ForAll("gaps") String before, @ForAll("gaps") String after) {
        assertThat(FirstWord.of(before + word + after)).isEqualTo(new FirstWord(word, ""));
    }

    @Example
    void nothingAtAllIsAnEmptyWord() {
        assertThat(FirstWord.of("")).isEqualTo(new FirstWord("", ""));
        assertThat(FirstWord.of(" \t\n")).isEqualTo(new FirstWord("", ""));
    }
}
