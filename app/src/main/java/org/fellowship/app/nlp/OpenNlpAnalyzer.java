package org.fellowship.app.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.fellowship.core.safety.LanguageAnalyzer;
import org.fellowship.core.text.TextNormalizer;

/**
 * Stage 2 with Apache OpenNLP: sentence detector, tokenizer, POS tagger and lemmatizer (the English UD models from
 * Maven Central, loaded from the jar root with {@code getResourceAsStream} so it works inside the fat jar), and a
 * document categorizer trained at build time ({@link SupportModelTrainer}, in the app module's {@code process-classes})
 * from the examples the project writes in {@code support-examples.txt} (own distress vs a supportive reply to someone
 * else) and loaded like the other models.
 *
 * <p>Models are immutable and shared; the {@code *ME} classes are not thread-safe, so each thread gets its own.
 * Loading fails with an {@link IllegalStateException} naming the missing model.
 */
public final class OpenNlpAnalyzer implements LanguageAnalyzer {
    static final String SENTENCES = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKENS = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    static final String LEMMAS = "/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";
    static final String EXAMPLES = "/org/fellowship/app/nlp/support-examples.txt";
    /** Written by {@link SupportModelTrainer} during the build. */
    static final String SUPPORT_MODEL = "/org/fellowship/app/nlp/support-doccat.bin";
    private static final String SUPPORT = "support";

    private static volatile OpenNlpAnalyzer shared;

    private final ThreadLocal<SentenceDetectorME> sentences;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> tagger;
    private final ThreadLocal<LemmatizerME> lemmatizer;
    private static final int LEMMA_CACHE_LIMIT = 50_000;
    private final Map<String, String> lemmaCache = new ConcurrentHashMap<>();
    private final ThreadLocal<DocumentCategorizerME> categorizer;

    private OpenNlpAnalyzer() {
        try {
            SentenceModel sentenceModel = new SentenceModel(model(SENTENCES));
            TokenizerModel tokenModel = new TokenizerModel(model(TOKENS));
            POSModel posModel = new POSModel(model(POS));
            LemmatizerModel lemmaModel = new LemmatizerModel(model(LEMMAS));
            DoccatModel doccat = new DoccatModel(model(SUPPORT_MODEL));
            sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentenceModel));
            tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokenModel));
            tagger = ThreadLocal.withInitial(() -> new POSTaggerME(posModel));
            lemmatizer = ThreadLocal.withInitial(() -> new LemmatizerME(lemmaModel));
            categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(doccat));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP models", e);
        }
    }

    /** The process-wide analyser, loaded on first use (about a second). */
    public static OpenNlpAnalyzer shared() {
        OpenNlpAnalyzer result = shared;
        if (result == null) {
            synchronized (OpenNlpAnalyzer.class) {
                result = shared;
                if (result == null) {
                    result = new OpenNlpAnalyzer();
                    shared = result;
                }
            }
        }
        return result;
    }

    private static InputStream model(String resource) {
        InputStream in = OpenNlpAnalyzer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath "
                    + "(org.apache.opennlp:opennlp-models-*-en)");
        }
        return in;
    }

    /** Trains the supportive-reply categorizer from the project's own examples ({@code label<TAB>text}). */
    static DoccatModel trainDoccat() throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(model(EXAMPLES), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException(EXAMPLES + ": a line without a tab");
                }
                String text = TextNormalizer.standard().fold(line.substring(tab + 1));
                samples.add(new DocumentSample(line.substring(0, tab).strip(), text.split(" ")));
            }
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, 100);
        return DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples), params,
                new DoccatFactory());
    }

    @Override
    public List<Sentence> analyze(String text) {
        List<Sentence> result = new ArrayList<>();
        if (text.isBlank()) {
            return result;
        }
        for (Span s : sentences.get().sentPosDetect(text)) {
            String sentence = text.substring(s.getStart(), s.getEnd());
            Span[] spans = tokenizer.get().tokenizePos(sentence);
            String[] words = Span.spansToStrings(spans, sentence);
            String[] tags = tagger.get().tag(words);
            String[] lemmas = lemmas(words, tags);
            List<Token> tokens = new ArrayList<>(words.length);
            for (int i = 0; i < words.length; i++) {
                tokens.add(new Token(words[i], lemmas[i].toLowerCase(Locale.ROOT), s.getStart() + spans[i].getStart(),
                        s.getStart() + spans[i].getEnd()));
            }
            result.add(new Sentence(s.getStart(), s.getEnd(), tokens));
        }
        return result;
    }

    /**
     * Lemmas for a tagged sentence. The statistical lemmatizer is the costliest step of stage 2 (a beam search over
     * thousands of edit scripts per token), and a word's lemma is settled by the word and its POS tag, so lemmas are
     * remembered per (word, tag): the lemmatizer runs only for sentences with a pair not seen before.
     */
    private String[] lemmas(String[] words, String[] tags) {
        String[] lemmas = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            lemmas[i] = lemmaCache.get(words[i] + '\u0000' + tags[i]);
            if (lemmas[i] == null) {
                return lemmatizeAndRemember(words, tags);
            }
        }
        return lemmas;
    }

    private String[] lemmatizeAndRemember(String[] words, String[] tags) {
        String[] lemmas = lemmatizer.get().lemmatize(words, tags);
        if (lemmaCache.size() > LEMMA_CACHE_LIMIT) {
            lemmaCache.clear(); // crude bound: chat vocabulary refills the hot words quickly
        }
        for (int i = 0; i < words.length; i++) {
            lemmaCache.putIfAbsent(words[i] + '\u0000' + tags[i], lemmas[i]);
        }
        return lemmas;
    }

    @Override
    public double supportiveProbability(String text) {
        DocumentCategorizerME doccat = categorizer.get();
        double[] outcome = doccat.categorize(text.split(" "));
        int index = doccat.getIndex(SUPPORT);
        return index < 0 ? Double.NaN : outcome[index];
    }

    @Override
    public String name() {
        return "opennlp";
    }
}
