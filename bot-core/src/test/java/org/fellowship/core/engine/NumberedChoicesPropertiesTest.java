package org.fellowship.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fellowship.core.outbound.Button;

/** Whatever the button set, the number a member types picks the button shown beside (or as) that number. */
class NumberedChoicesPropertiesTest {

    @Provide
    Arbitrary<List<String>> labelSets() {
        Arbitrary<String> numeric = Arbitraries.integers().between(0, 999).map(String::valueOf);
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '\'', '(', ')', '0', '7')
                .ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank());
        Arbitrary<List<String>> scale = numeric.list().ofMinSize(1).ofMaxSize(12).uniqueElements();
        Arbitrary<List<String>> mixed = Arbitraries.oneOf(numeric, words).list().ofMinSize(1).ofMaxSize(12);
        Arbitrary<List<String>> fixedSets = Arbitraries.of(
                List.of("1", "2", "3", "4", "5"),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
                List.of("Yes, share with Alex", "No"),
                List.of("I'm going (3)", "Not going"),
                List.of("1", "1", "2"));
        return Arbitraries.oneOf(scale, mixed, fixedSets);
    }

    @Property(tries = 500)
    void theNumberShownBesideAChoiceIsTheNumberThatPicksIt(@ForAll("labelSets") List<String> labels) {
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            buttons.add(new Button(labels.get(i), "t" + i));
        }
        NumberedChoices choices = NumberedChoices.of(buttons);
        List<String> stored = choices.entries();
        String prompt = choices.prompt();
        if (choices.scale()) {
            for (Button b : buttons) {
                int shown = Integer.parseInt(b.label().strip());
                assertThat(NumberedChoices.pick(stored, shown)).contains(b.token());
            }
        } else {
            // Every listed line "N. label" picks exactly that label's button.
            Matcher line = Pattern.compile("\\n(\\d+)\\. ([^\\n]*)").matcher(prompt);
            int seen = 0;
            while (line.find()) {
                int shown = Integer.parseInt(line.group(1));
                String token = NumberedChoices.pick(stored, shown).orElseThrow();
                assertThat(buttons.get(Integer.parseInt(token.substring(1))).label()).isEqualTo(line.group(2));
                seen++;
            }
            assertThat(seen).isEqualTo(buttons.size());
        }
    }

    @Property(tries = 200)
    void numbersNotOnOfferPickNothing(@ForAll("labelSets") List<String> labels) {
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            buttons.add(new Button(labels.get(i), "t" + i));
        }
        List<String> stored = NumberedChoices.of(buttons).entries();
        assertThat(NumberedChoices.pick(stored, 1000)).isEmpty();
        assertThat(NumberedChoices.pick(stored, -1)).isEmpty();
    }

    @Property(tries = 50)
    void bareTokensStoredByAnEarlierVersionCountFromOne(@ForAll("labelSets") List<String> labels) {
        List<String> legacy = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            legacy.add("t" + i);
        }
        for (int i = 0; i < legacy.size(); i++) {
            assertThat(NumberedChoices.pick(legacy, i + 1)).contains("t" + i);
        }
    }
}
