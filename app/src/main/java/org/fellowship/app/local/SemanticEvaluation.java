package org.fellowship.app.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.fellowship.app.local.EvaluationRows.Row;
import org.fellowship.app.semantic.CrisisModel;
import org.fellowship.app.semantic.CrisisModelTraining;
import org.fellowship.app.semantic.CrisisModelTraining.Example;
import org.fellowship.app.semantic.MeaningBank;
import org.fellowship.app.semantic.MessageFeatures;
import org.fellowship.app.semantic.SentenceEmbedder;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.Detection;

/**
 * The semantic stage's measurement and training: embeds the C-SSRS dev file, the craving set, the project's chat
 * suite and the reference bank, then reports, per group, the lexicon alone, the combined detector out-of-fold
 * (user-grouped {@value CrisisModelTraining#FOLDS}-fold cross-validation: every weight and the threshold refitted
 * without the held-out users) and the shipped model in-sample. {@code --write-model FILE} writes the model fitted on
 * all rows (what the jar ships as {@code semantic-model.txt}). Never prints a row's text.
 *
 * <p>Embeddings are cached in the system temp directory (keyed by a hash of the text), so a second run takes
 * seconds; the cache holds vectors only.
 */
final class SemanticEvaluation {
    static final String DEFAULT_SUITE = "app/src/test/resources/org/fellowship/app/semantic/chat-suite.csv";
    /** The independent writers' sets, one file per writer (see {@link EvaluationRows#authors}). */
    static final String DEFAULT_AUTHORS = "app/src/test/resources/org/fellowship/app/semantic/chat-authors";
    private static final int SEED = 18;
    /** A naive crisis regex of the kind many bots use: the baseline the detector must beat. */
    static final java.util.regex.Pattern NAIVE = java.util.regex.Pattern.compile("(?i)\\b(suicid\\w*|kill(ing)? "
            + "my ?self|end(ing)? (my life|it all)|want(ed)? to die|wanna die|overdos\\w*|self[- ]?harm\\w*|"
            + "cut(ting)? my ?self|hang(ing)? my ?self|take my (own )?life)\\b");

    private final CrisisDetector detector;
    private final PrintStream out;
    private final PrintStream err;
    private final EmbeddingCache cache;

    SemanticEvaluation(CrisisDetector detector, PrintStream out, PrintStream err) {
        this.detector = detector;
        this.out = out;
        this.err = err;
        this.cache = new EmbeddingCache(err);
    }

    /** The C-SSRS file and the chat suite get the semantic report too. */
    static boolean applies(Path csv) throws IOException {
        String header = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return header.contains("crisis") && header.contains("text");
    }

    static boolean isSuite(Path csv) throws IOException {
        String header = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return header.strip().replace("\uFEFF", "").equals("category,crisis,text");
    }

    /**
     * Runs the whole measurement.
     *
     * @param writeModel where to write the model fitted on all rows, or {@code null}
     */
    void run(Path cssrsFile, Path cravingFile, Path suiteFile, Path authorsDir, Path writeModel) throws IOException {
        List<Row> rows = EvaluationRows.load(cssrsFile, cravingFile, suiteFile, authorsDir, err);
        List<MeaningBank.Statement> statements = bankStatements();
        for (MeaningBank.Statement s : statements) {
            rows.add(new Row("bank", s.id(), s.risk() ? "risk" : "safe", s.risk() ? 1 : 0, s.text()));
        }
        cache.load();
        SentenceEmbedder embedder = SentenceEmbedder.load();
        long started = System.nanoTime();
        cache.embedAll(embedder, rows.stream().map(Row::text).toList());
        cache.save();
        out.printf(Locale.ROOT, "semantic stage: %d rows embedded (%.0f s, cached ones free)%n", rows.size(),
                (System.nanoTime() - started) / 1e9);
        float[][] bankVectors = new float[statements.size()][];
        for (int i = 0; i < statements.size(); i++) {
            bankVectors[i] = embedder.embed(statements.get(i).text());
        }
        MeaningBank bank = new MeaningBank(statements, bankVectors);
        List<Example> examples = CrisisModelTraining.weighted(examples(rows, bank));
        // model selection: the head penalty with the best out-of-fold recall (C-SSRS and chat suite averaged)
        double bestScore = -1;
        double bestL2 = CrisisModelTraining.HEAD_PENALTIES[0];
        double[] bestAlerts = null;
        double[] bestProbabilities = null;
        for (double l2 : CrisisModelTraining.HEAD_PENALTIES) {
            double[][] cv = CrisisModelTraining.crossValidate(examples, l2);
            double[] alerts = cv[1];
            out.printf(Locale.ROOT, "  ranking (AUC) out-of-fold: C-SSRS %.3f, chat suite %.3f; risk cosine alone %.3f / %.3f; "
                    + "margin alone %.3f / %.3f; lexicon alone %.3f / %.3f%n",
                    auc(examples, cv[0], "cssrs", i -> cv[0][i]), auc(examples, cv[0], "chat", i -> cv[0][i]),
                    auc(examples, cv[0], "cssrs", i -> examples.get(i).features().base()[3]),
                    auc(examples, cv[0], "chat", i -> examples.get(i).features().base()[3]),
                    auc(examples, cv[0], "cssrs", i -> examples.get(i).features().base()[4]),
                    auc(examples, cv[0], "chat", i -> examples.get(i).features().base()[4]),
                    auc(examples, cv[0], "cssrs", i -> examples.get(i).features().base()[0]),
                    auc(examples, cv[0], "chat", i -> examples.get(i).features().base()[0]));
            double score = (nz(CrisisModelTraining.rate(examples, alerts, "cssrs/crisis"))
                    + nz(CrisisModelTraining.rate(examples, alerts, "chat/crisis"))) / 2;
            out.printf(Locale.ROOT, "  head L2 %.0e: out-of-fold recall C-SSRS %s, chat suite %s%n", l2,
                    pct(CrisisModelTraining.rate(examples, alerts, "cssrs/crisis")),
                    pct(CrisisModelTraining.rate(examples, alerts, "chat/crisis")));
            if (score > bestScore) {
                bestScore = score;
                bestL2 = l2;
                bestAlerts = alerts;
                bestProbabilities = cv[0];
            }
        }
        String dataHash = hashOf(rows);
        List<String> provenance = List.of(
                "Semantic-stage crisis model for bge-small-en-v1.5 (quantized) embeddings, with chat-svm.bin. Generated, do not edit:",
                "  java -jar app/target/fellowship.jar evaluate-detector ../shared/data/crisis/cssrs-dev.csv "
                        + "--write-model app/src/main/resources/org/fellowship/app/semantic/semantic-model.txt",
                String.format(Locale.ROOT, "Trained on %d rows (C-SSRS dev %d, craving %d, chat suite and writers %d, "
                        + "bank %d); data hash %s.", rows.size(), count(rows, "cssrs"), count(rows, "craving"),
                        count(rows, "chat"), count(rows, "bank"), dataHash),
                String.format(Locale.ROOT, "Head L2 %.0e chosen by user-grouped %d-fold cross-validation; thresholds: "
                        + "lowest with inner out-of-fold alert rates within %s.", bestL2, CrisisModelTraining.FOLDS,
                        new TreeMap<>(CrisisModelTraining.CAPS)),
                "Features: " + String.join(", ", MessageFeatures.NAMES) + " (see MessageFeatures).");
        CrisisModel fitted = CrisisModelTraining.fit(examples, bestL2, provenance).model();
        CrisisModel shipped = null;
        try {
            shipped = CrisisModel.builtIn();
        } catch (RuntimeException e) {
            err.println("semantic evaluation: no shipped model in this build (" + e.getMessage() + ")");
        }
        double[] lexicon = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            lexicon[i] = examples.get(i).lexFlag() ? 1 : 0;
        }
        double[] refit = CrisisModelTraining.alerts(fitted, examples);
        double[] ship = shipped == null ? null : CrisisModelTraining.alerts(shipped, examples);
        out.printf(Locale.ROOT, "%nalert rates (crisis groups: recall; others: false alerts). Lexicon alone, then "
                + "lexicon + semantic stage:%n  out-of-fold (%d folds, users grouped), in-sample (refitted on all "
                + "rows), in-sample (shipped model, threshold %s)%n", CrisisModelTraining.FOLDS,
                shipped == null ? "-" : pct(shipped.threshold()));
        out.println("  group                         rows   lexicon   out-of-fold   in-sample   shipped");
        for (String group : groups(examples)) {
            out.printf(Locale.ROOT, "  %-28s %5d   %7s   %11s   %9s   %7s%n", group,
                    CrisisModelTraining.count(examples, group), pct(CrisisModelTraining.rate(examples, lexicon, group)),
                    pct(CrisisModelTraining.rate(examples, bestAlerts, group)),
                    pct(CrisisModelTraining.rate(examples, refit, group)),
                    ship == null ? "-" : pct(CrisisModelTraining.rate(examples, ship, group)));
        }
        authorReport(rows, examples, lexicon, bestAlerts);
        StringBuilder weights = new StringBuilder();
        for (int i = 0; i < MessageFeatures.NAMES.length; i++) {
            weights.append(String.format(Locale.ROOT, " %s %.2f", MessageFeatures.NAMES[i], fitted.combiner()[i + 1]));
        }
        out.printf(Locale.ROOT, "refitted threshold %s, short-message chat-head threshold %.2f (%d support "
                + "vectors); combiner bias %.2f,%s%n", pct(fitted.threshold()), fitted.shortThreshold(),
                fitted.chat().vectors().length, fitted.combiner()[0], weights);
        // what most bots do, for comparison at matched false-alert rates
        double[] naive = new double[examples.size()];
        for (int i = 0; i < naive.length; i++) {
            naive[i] = NAIVE.matcher(rows.get(i).text()).find() ? 1 : 0;
        }
        out.printf(Locale.ROOT, "naive crisis regex: C-SSRS recall %s, supportive %s, indicator %s; chat recall %s, "
                + "chat negatives %s%n", pct(CrisisModelTraining.rate(examples, naive, "cssrs/crisis")),
                pct(CrisisModelTraining.rate(examples, naive, "cssrs/supportive")),
                pct(CrisisModelTraining.rate(examples, naive, "cssrs/indicator")),
                pct(CrisisModelTraining.rate(examples, naive, "chat/crisis")),
                pct(CrisisModelTraining.rate(examples, naive, "chat/negative")));
        // the trade-off, out of fold: one common threshold over the out-of-fold probabilities (lexicon alerts stand)
        out.println("out-of-fold operating points of the combiner alone (lexicon alerts + combined probability >= threshold):");
        out.println("  threshold  C-SSRS recall  supportive  indicator  chat recall  chat negatives");
        for (double t : new double[] {0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9}) {
            double[] a = new double[examples.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = Double.isNaN(bestProbabilities[i]) ? Double.NaN
                        : examples.get(i).lexFlag() || bestProbabilities[i] >= t ? 1 : 0;
            }
            out.printf(Locale.ROOT, "  %9.2f  %13s  %10s  %9s  %11s  %14s%n", t,
                    pct(CrisisModelTraining.rate(examples, a, "cssrs/crisis")),
                    pct(CrisisModelTraining.rate(examples, a, "cssrs/supportive")),
                    pct(CrisisModelTraining.rate(examples, a, "cssrs/indicator")),
                    pct(CrisisModelTraining.rate(examples, a, "chat/crisis")),
                    pct(CrisisModelTraining.rate(examples, a, "chat/negative")));
        }
        if (writeModel != null) {
            Files.writeString(writeModel, fitted.write(), StandardCharsets.UTF_8);
            Path svm = writeModel.resolveSibling("chat-svm.bin");
            try (var o = Files.newOutputStream(svm)) {
                fitted.writeChatHead(o);
            }
            out.println("model written to " + writeModel + " and " + svm);
        }
    }

    /**
     * Per independent writer, out of fold (that writer's whole set held out): the nearest thing here to a hidden set
     * written by someone else.
     */
    private void authorReport(List<Row> rows, List<Example> examples, double[] lexicon, double[] outOfFold) {
        List<String> authors = rows.stream().map(Row::group).filter(g -> g.startsWith(EvaluationRows.AUTHOR))
                .distinct().sorted().toList();
        if (authors.isEmpty()) {
            return;
        }
        out.println("  independent writers (each held out whole): crisis recall / non-crisis alerts, lexicon alone "
                + "then out-of-fold");
        for (String author : authors) {
            int[] n = new int[2];
            int[] lex = new int[2];
            int[] oof = new int[2];
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).group().equals(author)) {
                    int c = examples.get(i).crisis();
                    n[c]++;
                    lex[c] += lexicon[i] > 0 ? 1 : 0;
                    oof[c] += outOfFold[i] > 0 ? 1 : 0;
                }
            }
            out.printf(Locale.ROOT, "  %-28s %4d/%-4d  lexicon %s / %s   out-of-fold %s / %s%n", author, n[1], n[0],
                    pct((double) lex[1] / n[1]), pct((double) lex[0] / n[0]), pct((double) oof[1] / n[1]),
                    pct((double) oof[0] / n[0]));
        }
    }

    /** The probability that a crisis row of {@code source} scores above a non-crisis one (ties count half). */
    static double auc(List<Example> examples, double[] scored, String source,
                      java.util.function.IntToDoubleFunction score) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).source().equals(source) && !Double.isNaN(scored[i])) {
                (examples.get(i).crisis() == 1 ? pos : neg).add(score.applyAsDouble(i));
            }
        }
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return pos.isEmpty() || neg.isEmpty() ? Double.NaN : wins / pos.size() / neg.size();
    }

    private static List<String> groups(List<Example> examples) {
        List<String> g = new ArrayList<>(List.of("cssrs/crisis", "cssrs/ideation", "cssrs/behavior", "cssrs/attempt",
                "cssrs/supportive", "cssrs/indicator", "cssrs/uninformative", "craving/negative", "chat/crisis",
                "chat/negative"));
        examples.stream().filter(e -> e.source().equals("chat")).map(e -> "chat/" + e.label()).distinct().sorted()
                .forEach(g::add);
        return g;
    }

    private List<Example> examples(List<Row> rows, MeaningBank bank) {
        Map<String, Integer> userIndex = new LinkedHashMap<>();
        List<String> users = new ArrayList<>(rows.stream().filter(r -> r.source().equals("cssrs")).map(Row::group)
                .distinct().sorted().toList());
        Collections.shuffle(users, new Random(SEED));
        for (int i = 0; i < users.size(); i++) {
            userIndex.put(users.get(i), i);
        }
        List<String> authors = rows.stream().map(Row::group).filter(g -> g.startsWith(EvaluationRows.AUTHOR))
                .distinct().sorted().toList();
        Map<String, Integer> rankInLabel = new TreeMap<>();
        List<Example> examples = new ArrayList<>();
        int other = 0;
        for (Row r : rows) {
            int index;
            switch (r.source()) {
                case "cssrs" -> index = userIndex.get(r.group());
                case "chat" -> index = rankInLabel.merge(r.label(), 1, Integer::sum) - 1;
                default -> index = other++;
            }
            int fold = r.source().equals("bank") ? -1 : index % CrisisModelTraining.FOLDS;
            int inner = (index / CrisisModelTraining.FOLDS) % CrisisModelTraining.FOLDS;
            if (r.group().startsWith(EvaluationRows.AUTHOR)) {
                // a writer's whole set is one fold, outer and inner: every threshold is chosen on writers the heads
                // did not learn from, and the figures are for writers the model has not seen
                int a = authors.indexOf(r.group());
                fold = a % CrisisModelTraining.FOLDS;
                inner = (a + a / CrisisModelTraining.FOLDS) % CrisisModelTraining.FOLDS;
            }
            float[][] windows = cache.get(r.text());
            Detection d = detector.detect(r.text());
            examples.add(new Example(r.source(), r.label(), fold, inner, r.crisis(),
                    MessageFeatures.of(r.text(), d, windows, bank), d.flagged(), 1));
        }
        return examples;
    }

    private static String hashOf(List<Row> rows) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Row r : rows) {
                md.update((r.source() + "|" + r.crisis() + "|" + r.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MeaningBank.Statement> bankStatements() {
        return MeaningBank.parse();
    }

    private static int count(List<Row> rows, String source) {
        return (int) rows.stream().filter(r -> r.source().equals(source)).count();
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
