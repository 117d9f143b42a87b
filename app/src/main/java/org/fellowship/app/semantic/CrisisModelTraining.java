package org.fellowship.app.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Fits the {@link CrisisModel} and measures it honestly: every weight and the threshold are chosen by k-fold
 * cross-validation in which the C-SSRS rows are grouped by user (a user's posts are never split between training and
 * test), so the out-of-fold figures say how the procedure does on people it has not seen.
 *
 * <p>One fit ({@link #fit}): the head is a logistic regression on mean embeddings; the combiner is a logistic
 * regression on (lexicon score, head log-odds, risk cosine, margin) where the head log-odds of each training row come
 * from an inner cross-validation (so the combiner learns how far to trust the head on rows the head has not seen);
 * the threshold is the lowest at which the inner out-of-fold alerts stay within {@link #CAPS}. Cross-validation
 * ({@link #crossValidate}) repeats that fit with each outer fold held out; the shipped model is the same fit on all
 * rows.
 */
public final class CrisisModelTraining {
    public static final int FOLDS = 5;
    static final int HEAD_ITERATIONS = 300;
    /** The head's L2 penalties tried; the one with the best out-of-fold recall within the caps is shipped. */
    public static final double[] HEAD_PENALTIES = {1e-3, 1e-2};

    /** Alert-rate caps the threshold must keep (on inner out-of-fold rows): below the goals, with a margin. */
    public static final Map<String, Double> CAPS = Map.of(
            "cssrs/supportive", 0.04, "cssrs/indicator", 0.08, "chat/negative", 0.045, "craving/negative", 0.06);

    /** What the semantic stage may add to a group whose lexicon alerts alone are over its cap. */
    static final double ADDED_WHERE_OVER = 0.01;

    /**
     * One labelled message, already embedded.
     *
     * @param source    cssrs, chat, craving or bank
     * @param label     its finer label (C-SSRS level, suite category)
     * @param fold      outer fold (-1: always training, the reference bank)
     * @param innerFold fold inside a training set
     * @param lexFlag   the lexicon alone alerts (answered at once, whatever the semantic stage says)
     */
    public record Example(String source, String label, int fold, int innerFold, int crisis, MessageFeatures features,
                          boolean lexFlag, double weight) {
        float[] mean() {
            return features.mean();
        }

        /** Chat-style rows (the suite, the writers' sets and the reference bank): what the chat head learns from. */
        boolean chatStyle() {
            return source.equals("chat") || source.equals("bank");
        }

        /** The group the caps and reports use: {@code source/label}, and {@code source/negative} for non-crisis. */
        boolean in(String group) {
            String[] p = group.split("/");
            return source.equals(p[0]) && (p[1].equals(label) || p[1].equals("negative") && crisis == 0
                    || p[1].equals("crisis") && crisis == 1);
        }
    }

    /** A fitted model and the inner out-of-fold probabilities its threshold was chosen on. */
    public record Fitted(CrisisModel model, double[] innerProbabilities) {
    }

    private CrisisModelTraining() {
    }

    /**
     * Row weights: within each source the two classes weigh the same; sources weigh {@code cssrs} 1, {@code chat} 1,
     * {@code craving} 0.3 and {@code bank} 0.3 (the reference statements also train the head a little).
     */
    public static List<Example> weighted(List<Example> examples) {
        Map<String, Double> sourceWeight = Map.of("cssrs", 1.0, "chat", 1.0, "craving", 0.3, "bank", 0.3);
        Map<String, int[]> counts = new HashMap<>();
        for (Example e : examples) {
            counts.computeIfAbsent(e.source(), s -> new int[2])[e.crisis()]++;
        }
        List<Example> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            int[] c = counts.get(e.source());
            int classes = (c[0] > 0 ? 1 : 0) + (c[1] > 0 ? 1 : 0);
            double w = sourceWeight.getOrDefault(e.source(), 1.0) / classes / c[e.crisis()];
            out.add(new Example(e.source(), e.label(), e.fold(), e.innerFold(), e.crisis(), e.features(), e.lexFlag(),
                    w));
        }
        return out;
    }

    /** Fits the heads, the combiner and both thresholds on {@code train}. */
    public static Fitted fit(List<Example> train, double l2, List<String> provenance) {
        double[] head = fitHead(train, l2);
        ChatSvm chat = chatHead(train);
        // the combiner and the thresholds see head verdicts on rows the heads were not trained on
        double[] innerLogit = new double[train.size()];
        double[] innerChat = new double[train.size()];
        for (int f = 0; f < FOLDS; f++) {
            final int fold = f;
            List<Example> part = select(train, e -> e.innerFold() != fold);
            double[] h = fitHead(part, l2);
            ChatSvm c = chatHead(part);
            for (int i = 0; i < train.size(); i++) {
                if (train.get(i).innerFold() == fold) {
                    innerLogit[i] = clip(Logistic.logit(h, toDouble(train.get(i).mean())));
                    innerChat[i] = Math.max(-4, Math.min(4, c.decision(train.get(i).features().chatInput())));
                }
            }
        }
        double[][] x = new double[train.size()][];
        int[] y = new int[train.size()];
        double[] w = new double[train.size()];
        for (int i = 0; i < train.size(); i++) {
            Example e = train.get(i);
            x[i] = e.features().vector(innerLogit[i], innerChat[i]);
            y[i] = e.crisis();
            w[i] = e.weight();
        }
        double[] combiner = Logistic.fit(x, y, w, 1e-4, 1500);
        double[] probabilities = new double[train.size()];
        for (int i = 0; i < train.size(); i++) {
            probabilities[i] = 1 / (1 + Math.exp(-Logistic.logit(combiner, x[i])));
        }
        double threshold = lowestWithinCaps(train, THRESHOLDS, t -> i -> probabilities[i] >= t);
        double shortThreshold = lowestWithinCaps(train, SHORT_THRESHOLDS, t -> i -> CrisisModel.alerts(
                probabilities[i], innerChat[i], train.get(i).features().words(), threshold, t));
        return new Fitted(new CrisisModel(weights(head), head[0], chat, combiner, threshold, shortThreshold,
                provenance), probabilities);
    }

    private static final double[] THRESHOLDS = grid(0.05, 0.99, 0.01);
    private static final double[] SHORT_THRESHOLDS = grid(-1, 4, 0.02);
    /** Chat heads already trained, by the identity of their training rows (cross-validation refits the same sets). */
    private static final Map<Long, ChatSvm> CHAT_HEADS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The chat head trained on the chat-style rows of {@code rows}. */
    static ChatSvm chatHead(List<Example> rows) {
        List<Example> chat = select(rows, Example::chatStyle);
        long key = 17;
        for (Example e : chat) {
            key = key * 31 + System.identityHashCode(e);
        }
        return CHAT_HEADS.computeIfAbsent(key * 31 + chat.size(), k -> {
            List<float[]> x = new ArrayList<>(chat.size());
            int[] y = new int[chat.size()];
            for (int i = 0; i < chat.size(); i++) {
                x.add(chat.get(i).features().chatInput());
                y[i] = chat.get(i).crisis();
            }
            return ChatSvm.train(x, y);
        });
    }

    private static double[] grid(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + i * step;
        }
        return g;
    }

    private static float[] weights(double[] beta) {
        float[] w = new float[SentenceEmbedder.DIMENSIONS];
        for (int j = 0; j < w.length; j++) {
            w[j] = (float) beta[j + 1];
        }
        return w;
    }

    /**
     * The lowest value in {@code grid} at which every capped group's alert rate (lexicon alerts included) stays in
     * its cap; where the lexicon alone is over a cap, the semantic stage may add at most {@link #ADDED_WHERE_OVER}
     * there.
     */
    static double lowestWithinCaps(List<Example> rows, double[] grid,
                                   java.util.function.DoubleFunction<java.util.function.IntPredicate> alertsAt) {
        for (double value : grid) {
            java.util.function.IntPredicate alerts = alertsAt.apply(value);
            boolean ok = true;
            for (Map.Entry<String, Double> cap : CAPS.entrySet()) {
                int n = 0;
                int alerted = 0;
                int lexicon = 0;
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).in(cap.getKey())) {
                        n++;
                        lexicon += rows.get(i).lexFlag() ? 1 : 0;
                        if (rows.get(i).lexFlag() || alerts.test(i)) {
                            alerted++;
                        }
                    }
                }
                double allowed = n == 0 ? 1 : Math.max(cap.getValue(), (double) lexicon / n + ADDED_WHERE_OVER);
                if (n > 0 && (double) alerted / n > allowed) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return value;
            }
        }
        return grid[grid.length - 1];
    }

    /**
     * Out-of-fold alerts: each outer fold's rows are scored by a {@link #fit} on the other folds (bank rows always
     * train), with that fit's own threshold.
     *
     * @return per row: the out-of-fold probability, or NaN for rows that are never held out
     */
    public static double[][] crossValidate(List<Example> examples, double l2) {
        double[] probability = new double[examples.size()];
        double[] alert = new double[examples.size()];
        Arrays.fill(probability, Double.NaN);
        Arrays.fill(alert, Double.NaN);
        for (int f = 0; f < FOLDS; f++) {
            final int fold = f;
            List<Example> train = select(examples, e -> e.fold() != fold);
            CrisisModel model = fit(train, l2, List.of()).model();
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                if (e.fold() == fold) {
                    probability[i] = model.probability(e.features());
                    alert[i] = e.lexFlag() || model.alerts(e.features()) ? 1 : 0;
                }
            }
        }
        return new double[][] {probability, alert};
    }

    /** Alerts of a fitted model on every row (in-sample for its training rows). */
    public static double[] alerts(CrisisModel model, List<Example> examples) {
        double[] alert = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            alert[i] = e.lexFlag() || model.alerts(e.features()) ? 1 : 0;
        }
        return alert;
    }

    /** The share of rows in {@code group} that alert (NaN alerts, rows never scored, are left out). */
    public static double rate(List<Example> rows, double[] alert, String group) {
        int n = 0;
        int a = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).in(group) && !Double.isNaN(alert[i])) {
                n++;
                a += alert[i] > 0 ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) a / n;
    }

    public static int count(List<Example> rows, String group) {
        return (int) rows.stream().filter(e -> e.in(group)).count();
    }

    private static double[] fitHead(List<Example> rows, double l2) {
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        double[] w = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = toDouble(rows.get(i).mean());
            y[i] = rows.get(i).crisis();
            w[i] = rows.get(i).weight();
        }
        return Logistic.fit(x, y, w, l2, HEAD_ITERATIONS);
    }

    private static double clip(double z) {
        return Math.max(-8, Math.min(8, z));
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static List<Example> select(List<Example> rows, Predicate<Example> keep) {
        return rows.stream().filter(keep).toList();
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "  -  " : String.format(Locale.ROOT, "%.3f", v);
    }
}
