package org.fellowship.core.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.fellowship.core.alert.CrisisCategory;
import org.junit.jupiter.api.Test;

class LexiconTest {

    @Test
    void readsEntriesIdiomsAndRiskFactorCues() throws IOException {
        Lexicon lexicon = Lexicon.parse(new StringReader("""
                # a comment
                kill myself | suicidal_ideation | 0.9
                ! cut myself off
                ~ no way out | entrapment
                """), "test");
        assertThat(lexicon.entries()).singleElement().satisfies(e -> {
            assertThat(e.phrase()).isEqualTo("kill myself");
            assertThat(e.category()).isEqualTo(CrisisCategory.SUICIDAL_IDEATION);
            assertThat(e.weight()).isEqualTo(0.9);
        });
        assertThat(lexicon.idioms()).containsExactly("cut myself off");
        assertThat(lexicon.riskFactors()).containsExactly(java.util.Map.entry("no way out", "entrapment"));
    }

    @Test
    void aMalformedLineNamesTheSourceAndLine() {
        assertThatThrownBy(() -> Lexicon.parse(new StringReader("ok | self_harm | 0.5\n~ only a phrase\n"), "policy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("policy:2:");
        assertThatThrownBy(() -> Lexicon.parse(new StringReader("kill | nonsense | 0.5\n"), "policy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("policy:1:");
    }

    @Test
    void theBuiltInLexiconLoadsWithRiskFactorCues() {
        Lexicon builtIn = Lexicon.builtIn();
        assertThat(builtIn.entries()).hasSizeGreaterThan(300);
        assertThat(builtIn.riskFactors()).containsKeys("hopeless", "burden", "trapped");
    }
}
