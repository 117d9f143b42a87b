package org.fellowship.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OnOffTest {

    /** "on" or "off" with each letter in either case. */
    @Provide
    Arbitrary<String> anyCase() {
        return Arbitraries.of("on", "off").flatMap(word -> Arbitraries.integers().between(0, (1 << word.length()) - 1)
                .map(mask -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < word.length(); i++) {
                        char c = word.charAt(i);
                        sb.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
                    }
                    return sb.toString();
                }));
    }

    @Property(tries = 50)
    void onAndOffReadInAnyCase(@ForAll("anyCase") String value) {
        boolean on = value.toLowerCase(Locale.ROOT).equals("on");
        assertThat(OnOff.read(value)).contains(on);
        assertThat(OnOff.read(" " + value + "\n")).contains(on);
        assertThat(OnOff.parse(value, "/x on")).isEqualTo(on);
    }

    @Property(tries = 200)
    void anythingElseIsNeither(@ForAll String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("on") && !v.equals("off")) {
            assertThat(OnOff.read(value)).isEmpty();
        }
    }

    @Example
    void neitherIsAUsageErrorWithTheExample() {
        assertThatThrownBy(() -> OnOff.parse("yes", "/checkin nudges off")).isInstanceOf(UsageException.class)
                .hasMessage("Say on or off, e.g. /checkin nudges off.");
        assertThat(OnOff.read("")).isEmpty();
        assertThat(OnOff.read("on off")).isEmpty();
    }
}
