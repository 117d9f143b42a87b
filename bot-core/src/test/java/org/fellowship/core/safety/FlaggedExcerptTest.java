package org.fellowship.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.alert.CrisisCategory;
import org.junit.jupiter.api.Test;

class FlaggedExcerptTest {
    private static Evidence at(String text, String phrase, double weight) {
        int start = text.indexOf(phrase);
        return new Evidence(start, start + phrase.length(), phrase, CrisisCategory.SUICIDAL_IDEATION, weight, 1.0,
                Set.of());
    }

    @Test
    void aShortMessageIsKeptWholeWithWhitespaceCollapsed() {
        String text = "  I can't\n\n do\tthis anymore  ";
        assertThat(FlaggedExcerpt.of(text, List.of(), null).excerpt()).isEqualTo("I can't do this anymore");
    }

    @Test
    void aLongMessageIsCutAroundTheStrongestEvidenceAtWordBoundaries() {
        String filler = "today was a long day at work and then the bus was late again ".repeat(8);
        String text = filler + "and honestly I want to end my life tonight " + filler;
        String excerpt = FlaggedExcerpt.of(text, List.of(at(text, "bus", 0.1), at(text, "end my life", 0.9)), null)
                .excerpt();
        assertThat(excerpt).contains("end my life").startsWith("\u2026").endsWith("\u2026");
        assertThat(excerpt.length()).isLessThanOrEqualTo(AlertContext.MAX_EXCERPT + 2);
        String inner = excerpt.substring(1, excerpt.length() - 1);
        assertThat(text).contains(inner); // whole words only, nothing invented
        assertThat(inner).doesNotStartWith(" ").doesNotEndWith(" ");
    }

    @Test
    void evidenceAtTheStartKeepsTheStartUncut() {
        String text = "I want to die. " + "the rest is about my week and the weather ".repeat(10);
        String excerpt = FlaggedExcerpt.of(text, List.of(at(text, "want to die", 0.9)), null).excerpt();
        assertThat(excerpt).startsWith("I want to die.").endsWith("\u2026");
    }

    @Test
    void invisibleAndControlCharactersAreRemovedButEmojiKept() {
        String text = "I\u200b want\u202e to\u0000 d\u200die \ud83d\ude14 \ud800";
        assertThat(FlaggedExcerpt.of(text, List.of(), null).excerpt()).isEqualTo("I want to die \ud83d\ude14");
    }

    @Test
    void blankTextAndLinkBecomeNull() {
        AlertContext c = FlaggedExcerpt.of(" \u200b ", List.of(), " ");
        assertThat(c.excerpt()).isNull();
        assertThat(c.link()).isNull();
        assertThat(FlaggedExcerpt.of(null, List.of(), "https://x").link()).isEqualTo("https://x");
    }
}
