package org.fellowship.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    @Test
    void shortTextStaysWhole() {
        assertThat(MessageSplitter.split("hello", 100)).containsExactly("hello");
        assertThat(MessageSplitter.split("", 100)).containsExactly("");
    }

    @Test
    void prefersParagraphThenLineBoundaries() {
        String text = "a".repeat(60) + "\n\n" + "b".repeat(60);
        assertThat(MessageSplitter.split(text, 100)).containsExactly("a".repeat(60), "b".repeat(60));
        String lines = "x".repeat(70) + "\n" + "y".repeat(70);
        assertThat(MessageSplitter.split(lines, 100)).containsExactly("x".repeat(70), "y".repeat(70));
    }

    @Test
    void neverCutsASurrogatePair() {
        String emoji = "\uD83C\uDF89"; // one code point, two chars
        String text = "a".repeat(99) + emoji + "b";
        List<String> parts = MessageSplitter.split(text, 100);
        assertThat(parts.get(0)).isEqualTo("a".repeat(99));
        assertThat(parts.get(1)).startsWith(emoji);
    }

    @Property
    void chunksRespectTheLimitAndKeepEveryNonSpaceCharacter(@ForAll @StringLength(max = 3000) String text,
                                                            @ForAll @IntRange(min = 4, max = 500) int limit) {
        List<String> parts = MessageSplitter.split(text, limit);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(limit));
        assertThat(withoutWhitespace(String.join("", parts))).isEqualTo(withoutWhitespace(text));
    }

    private static String withoutWhitespace(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
