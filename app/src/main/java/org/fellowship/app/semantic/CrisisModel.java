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
 * two logistic-regression heads on the message's mean sentence embedding (one trained on every labelled set, one on
 * the chat-style examples alone), and a logistic combiner of the {@link MessageFeatures} with the threshold at which
 * it alerts. Immutable.
 */
public record CrisisModel(float[] head, double headBias, float[] chatHead, double chatHeadBias, double[] combiner,
                          double threshold, List<String> provenance) {
    static final String RESOURCE = "/org/fellowship/app/semantic/semantic-model.txt";

    public CrisisModel {
        if (head.length != SentenceEmbedder.DIMENSIONS || chatHead.length != SentenceEmbedder.DIMENSIONS
                || combiner.length != MessageFeatures.NAMES.length + 1) {
            throw new IllegalArgumentException("model has the wrong shape");
        }
        provenance = List.copyOf(provenance);
    }

    /** A head's log-odds for a mean embedding, clipped to [-8, 8] so one feature cannot swamp the others. */
    static double logit(float[] weights, double bias, float[] mean) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * mean[i];
        }
        return Math.max(-8, Math.min(8, z));
    }

    /** The combined crisis probability of a message. */
    public double probability(MessageFeatures f) {
        double[] x = f.vector(logit(head, headBias, f.mean()), logit(chatHead, chatHeadBias, f.mean()));
        double z = combiner[0];
        for (int i = 0; i < x.length; i++) {
            z += combiner[i + 1] * x[i];
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
        float[] chatHead = null;
        double bias = 0;
        double chatBias = 0;
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
                case "chat-head.bias" -> chatBias = Double.parseDouble(p[1]);
                case "head.weights" -> head = floats(p);
                case "chat-head.weights" -> chatHead = floats(p);
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
        if (head == null || chatHead == null || combiner == null || Double.isNaN(threshold)) {
            throw new IOException("incomplete model");
        }
        return new CrisisModel(head, bias, chatHead, chatBias, combiner, threshold, provenance);
    }

    private static float[] floats(String[] p) {
        float[] f = new float[p.length - 1];
        for (int i = 1; i < p.length; i++) {
            f[i - 1] = Float.parseFloat(p[i]);
        }
        return f;
    }

    public String write() {
        StringBuilder sb = new StringBuilder();
        for (String p : provenance) {
            sb.append("# ").append(p).append('\n');
        }
        sb.append("threshold ").append(fmt(threshold)).append('\n');
        sb.append("# combiner: bias, then ").append(String.join(", ", MessageFeatures.NAMES)).append('\n');
        sb.append("combiner");
        for (double c : combiner) {
            sb.append(' ').append(fmt(c));
        }
        sb.append("\nhead.bias ").append(fmt(headBias)).append("\nhead.weights");
        weights(sb, head);
        sb.append("\nchat-head.bias ").append(fmt(chatHeadBias)).append("\nchat-head.weights");
        weights(sb, chatHead);
        return sb.append('\n').toString();
    }

    private static void weights(StringBuilder sb, float[] w) {
        for (float x : w) {
            sb.append(' ').append(String.format(Locale.ROOT, "%.5f", x));
        }
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }
}
