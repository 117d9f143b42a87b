package org.fellowship.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ClipPropertiesTest {

    @Property(tries = 500)
    void aClippedQuoteIsOneLineAtMostMaxCharactersAndWhatWasTyped(@ForAll String typed,
                                                                 @ForAll @IntRange(min = 1, max = 60) int max) {
        String clipped = Clip.typed(typed, max);
        String oneLine = typed.strip().replaceAll("\\s+", " ");
        assertThat(clipped).doesNotContain("\n", "\r", "\t", "  ");
        if (oneLine.length() <= max) {
            assertThat(clipped).isEqualTo(oneLine);
        } else {
            assertThat(clipped).hasSize(max + 3).endsWith("...");
            assertThat(oneLine).startsWith(clipped.substring(0, max));
        }
    }

    @Example
    void longTextIsCutWithDots() {
        assertThat(Clip.typed("  twenty-one chars long\n", 20)).isEqualTo("twenty-one chars lon...");
        assertThat(Clip.typed("exactly twenty chars", 20)).isEqualTo("exactly twenty chars");
        assertThat(Clip.typed("a\n\n b", 20)).isEqualTo("a b");
    }
}
