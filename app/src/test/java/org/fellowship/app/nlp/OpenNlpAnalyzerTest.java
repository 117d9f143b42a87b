package org.fellowship.app.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.LanguageAnalyzer;
import org.fellowship.core.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OpenNLP stage 2, with the models from the classpath (jar root) and the doccat trained from the repo. */
class OpenNlpAnalyzerTest {
    private final OpenNlpAnalyzer analyzer = OpenNlpAnalyzer.shared();
    private final CrisisDetector detector = CrisisDetector.standard(analyzer);

    @Test
    void splitsSentencesAndLemmatisesWithOffsetsIntoTheText() {
        String text = TextNormalizer.standard().fold("I tried everything. She was crying and we were talking.");
        List<LanguageAnalyzer.Sentence> sentences = analyzer.analyze(text);
        assertThat(sentences).hasSize(2);
        LanguageAnalyzer.Token tried = sentences.get(0).tokens().get(1);
        assertThat(text.substring(tried.start(), tried.end())).isEqualTo("tried");
        assertThat(tried.lemma()).isEqualTo("try");
        assertThat(sentences.get(1).tokens()).extracting(LanguageAnalyzer.Token::lemma).contains("be", "cry");
        assertThat(analyzer.analyze("")).isEmpty();
    }

    @Test
    void categorizerTellsSupportFromOwnDistress() {
        TextNormalizer n = TextNormalizer.standard();
        assertThat(analyzer.supportiveProbability(n.fold("please reach out to someone, you are not alone")))
                .isGreaterThan(0.5);
        assertThat(analyzer.supportiveProbability(n.fold("i cannot do this anymore and i want to die")))
                .isLessThan(0.5);
    }

    @Test
    void theShippedCategorizerIsTheOneTheCurrentExamplesTrain() throws Exception {
        // the model in the jar is written by the build; a stale one would disagree with a fresh training
        opennlp.tools.doccat.DocumentCategorizerME fresh =
                new opennlp.tools.doccat.DocumentCategorizerME(OpenNlpAnalyzer.trainDoccat());
        TextNormalizer n = TextNormalizer.standard();
        for (String text : List.of("please reach out to someone, you are not alone", "i want to die tonight",
                "call 988 if you need to talk", "i relapsed and i hate myself")) {
            String folded = n.fold(text);
            double expected = fresh.categorize(folded.split(" "))[fresh.getIndex("support")];
            assertThat(analyzer.supportiveProbability(folded)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @ParameterizedTest(name = "crisis {index}")
    @ValueSource(strings = {"I want to kill myself", "i am going to end my life tonight", "I took all my pills",
            "I wish I was dead", "I keep cutting myself",
            // a supporter who says they are suicidal themselves is at risk too: the support model does not hide it
            "I know how hard this is and you are not alone. Honestly I'm pretty suicidal myself these days. "
                    + "Please reach out to someone, I hope things get better for you"})
    void crisisAlertsWithOpenNlp(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "no alert {index}")
    @ValueSource(strings = {"I'm not going to hurt myself", "Two years ago I tried to kill myself",
            "my friend said she wanted to overdose", "please don't kill yourself, call 988",
            "I relapsed yesterday and I'm back", "drank a lot of water", "killing it at work",
            "I know it feels endless, which is why I oppose suicide. Please reach out, you are not alone, "
                    + "I hope you talk to someone today"})
    void contextRulesHoldWithOpenNlp(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @Test
    void safeAcrossThreads() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger flagged = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    if (detector.detect("tonight I will take all my pills. I am sorry.").flagged()) {
                        flagged.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(flagged).hasValue(200);
    }
}
