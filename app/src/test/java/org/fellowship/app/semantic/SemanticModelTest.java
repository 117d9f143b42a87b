package org.fellowship.app.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.SemanticScorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real semantic stage: the quantized bge-small-en-v1.5 from the Maven Central artifact on ONNX Runtime, the
 * curated bank and the shipped model. Embeds a few hundred short messages (seconds).
 */
class SemanticModelTest {
    private static final Path SUITE = Path.of("src/test/resources/org/fellowship/app/semantic/chat-suite.csv");
    private static EmbeddingSemanticScorer scorer;

    private record Message(String category, boolean crisis, String text) {
    }

    @BeforeAll
    static void load() {
        scorer = EmbeddingSemanticScorer.shared();
    }

    private static List<Message> suite() throws IOException {
        List<Message> messages = new ArrayList<>();
        for (String line : Files.readAllLines(SUITE)) {
            if (line.startsWith("category,")) {
                continue;
            }
            String[] p = line.split(",", 3);
            messages.add(new Message(p[0], p[1].equals("1"), p[2].replaceAll("^\"|\"$", "")));
        }
        return messages;
    }

    @Test
    void theTokenizerSplitsLikeBertUncased() throws IOException {
        assertThat(WordPieceTokenizer.basicTokens("Héllo, WORLD!  it's  ok")).containsExactly("hello", ",", "world",
                "!", "it", "'", "s", "ok");
        WordPieceTokenizer tokenizer;
        try (var in = getClass().getResourceAsStream(SentenceEmbedder.TOKENIZER)) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(in);
        }
        List<Integer> ids = tokenizer.encode("hello world");
        assertThat(ids).hasSize(2);
        // a word outside the vocabulary becomes several pieces, never nothing
        assertThat(tokenizer.encode("overdosing")).hasSizeGreaterThan(1);
    }

    @Test
    void embeddingsAreUnitVectorsAndAParaphraseIsCloserThanAnUnrelatedText() {
        SentenceEmbedder e = scorer.embedder();
        float[] plan = e.embed("I have decided to end my life this weekend");
        float[] paraphrase = e.embed("this weekend I am going to kill myself, it is decided");
        float[] unrelated = e.embed("the potluck after the meeting had great lasagna");
        assertThat(SentenceEmbedder.cosine(plan, plan)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(SentenceEmbedder.cosine(plan, paraphrase)).isGreaterThan(SentenceEmbedder.cosine(plan, unrelated));
    }

    @Test
    void aLongMessageIsReadInSentenceWindowsWhoseSpansLieInTheText() {
        String text = "Today was long. ".repeat(60) + "I gave my dog to my neighbour for good.";
        SentenceEmbedder.Embedded e = scorer.embedder().embedWindows(text);
        assertThat(e.vectors().length).isBetween(2, SentenceEmbedder.MAX_WINDOWS);
        for (int[] span : e.spans()) {
            assertThat(span[0]).isBetween(0, text.length());
            assertThat(span[1]).isBetween(span[0], text.length());
        }
    }

    @Test
    void noReferenceStatementIsANearCopyOfAChatSuiteMessage() throws IOException {
        // the suite stays a test of meaning, not of remembering: nothing in the bank within cosine 0.95 of it
        // (bge-small's cosines run high: a bank statement's closest suite message lies at 0.80 in the median)
        List<float[]> suite = new ArrayList<>();
        for (Message m : suite()) {
            suite.add(scorer.embedder().embed(m.text()));
        }
        for (MeaningBank.Statement s : scorer.bank().statements()) {
            float[] v = scorer.embedder().embed(s.text());
            double closest = suite.stream().mapToDouble(u -> SentenceEmbedder.cosine(u, v)).max().orElse(0);
            assertThat(closest).as("statement %s", s.id()).isLessThan(0.95);
        }
    }

    @Test
    void everyWritersSetIsWellFormedWithBothClassesAndNoRowTwice() throws IOException {
        Path dir = Path.of("src/test/resources/org/fellowship/app/semantic/chat-authors");
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            assertThat(lines.get(0).replace("\"", "")).as(f.toString()).isEqualTo("category,crisis,text");
            int crisis = 0;
            int other = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] p = line.replace("\"", "").split(",", 3);
                assertThat(p).as(f + " row").hasSize(3);
                assertThat(p[1]).isIn("0", "1");
                if (p[1].equals("1")) {
                    crisis++;
                } else {
                    other++;
                }
                assertThat(seen.add(p[2].toLowerCase(java.util.Locale.ROOT).strip())).as("a row repeated in " + f)
                        .isTrue();
            }
            assertThat(crisis).as(f.toString()).isGreaterThan(100);
            assertThat(other).as(f.toString()).isGreaterThan(100);
        }
    }

    @Test
    void theShippedModelSaysHowItWasMadeAndRanksTheSuitesCrisesAboveTheRest() throws IOException {
        assertThat(scorer.model().provenance()).anyMatch(p -> p.contains("cross-validation"))
                .anyMatch(p -> p.contains("data hash"));
        CrisisDetector lexicon = CrisisDetector.simple();
        List<Double> crisis = new ArrayList<>();
        List<Double> other = new ArrayList<>();
        for (Message m : suite()) {
            SemanticScorer.Reading r = scorer.read(m.text(), lexicon.detect(m.text()));
            assertThat(r.start()).isBetween(0, m.text().length());
            assertThat(r.end()).isBetween(r.start(), m.text().length());
            (m.crisis() ? crisis : other).add(r.probability());
        }
        double wins = 0;
        for (double c : crisis) {
            for (double o : other) {
                wins += c > o ? 1 : c == o ? 0.5 : 0;
            }
        }
        // in-sample for the shipped model (the suite is part of its training data): a floor, not the figure we
        // report; the README quotes the out-of-fold figures of evaluate-detector
        assertThat(wins / crisis.size() / other.size()).isGreaterThan(0.85);
    }
}
