package org.fellowship.app.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learned part of the semantic stage, all chosen by user-grouped cross-validation ({@link CrisisModelTraining}):
 * a logistic-regression head on the message's mean sentence embedding, and a logistic combiner of four features
 * (the lexicon's crisis score, the head's log-odds, the closest risk statement's cosine and the risk-over-safe margin,
 * see {@link MeaningBank}) with the threshold at which it alerts. Immutable.
 */
public record CrisisModel(float[] head, double headBias, double[] combiner, double threshold, List<String> provenance) {
    static final String RESOURCE = "/org/fellowship/app/semantic/semantic-model.txt";
    static final int FEATURES = 4;

    public CrisisModel {
        if (head.length != SentenceEmbedder.DIMENSIONS || combiner.length != FEATURES + 1) {
            throw new IllegalArgumentException("model has the wrong shape");
        }
        provenance = List.copyOf(provenance);
    }

    /** The head's log-odds for a mean embedding, clipped to [-8, 8] so one feature cannot swamp the others. */
    public double headLogit(float[] mean) {
        double z = headBias;
        for (int i = 0; i < head.length; i++) {
            z += head[i] * mean[i];
        }
        return Math.max(-8, Math.min(8, z));
    }

    /** The combined probability for {@code features} (lexicon score, head log-odds, risk cosine, margin). */
    public double probability(double[] features) {
        double z = combiner[0];
        for (int i = 0; i < FEATURES; i++) {
            z += combiner[i + 1] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public static CrisisModel builtIn() {
        try (InputStream in = CrisisModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CrisisModel read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> provenance = new ArrayList<>();
        float[] head = null;
        double bias = 0;
        double[] combiner = null;
        double threshold = Double.NaN;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("#")) {
                provenance.add(line.substring(1).strip());
                continue;
            }
            String[] p = line.strip().split("\\s+");
            switch (p[0]) {
                case "head.bias" -> bias = Double.parseDouble(p[1]);
                case "head.weights" -> {
                    head = new float[p.length - 1];
                    for (int i = 1; i < p.length; i++) {
                        head[i - 1] = Float.parseFloat(p[i]);
                    }
                }
                case "combiner" -> {
                    combiner = new double[p.length - 1];
                    for (int i = 1; i < p.length; i++) {
                        combiner[i - 1] = Double.parseDouble(p[i]);
                    }
                }
                case "threshold" -> threshold = Double.parseDouble(p[1]);
                case "" -> { }
                default -> throw new IOException("unknown model line " + p[0]);
            }
        }
        if (head == null || combiner == null || Double.isNaN(threshold)) {
            throw new IOException("incomplete model");
        }
        return new CrisisModel(head, bias, combiner, threshold, provenance);
    }

    public String write() {
        StringBuilder sb = new StringBuilder();
        for (String p : provenance) {
            sb.append("# ").append(p).append('\n');
        }
        sb.append("threshold ").append(fmt(threshold)).append('\n');
        sb.append("combiner");
        for (double c : combiner) {
            sb.append(' ').append(fmt(c));
        }
        sb.append("\nhead.bias ").append(fmt(headBias)).append("\nhead.weights");
        for (float w : head) {
            sb.append(' ').append(String.format(Locale.ROOT, "%.5f", w));
        }
        return sb.append('\n').toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }
}
