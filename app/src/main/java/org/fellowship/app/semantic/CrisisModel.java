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
 * The learned part of the semantic stage, all chosen by grouped cross-validation ({@link CrisisModelTraining}): a
 * logistic-regression head on the message's mean sentence embedding trained on every labelled set, a kernel
 * {@link ChatSvm chat head} trained on the chat-style examples alone, a logistic combiner of the
 * {@link MessageFeatures} with the threshold at which it alerts, and the chat head's own threshold for short messages
 * (at most {@value #SHORT_WORDS} words: chat messages, where the combiner's threshold, held back by long forum posts,
 * would miss most of what the chat head sees). Immutable.
 */
public record CrisisModel(float[] head, double headBias, ChatSvm chat, double[] combiner, double threshold,
                          double shortThreshold, List<String> provenance) {
    static final String RESOURCE = "/org/fellowship/app/semantic/semantic-model.txt";
    /** Messages of at most this many words are read as chat: the chat head alone may alert on them. */
    public static final int SHORT_WORDS = 60;

    public CrisisModel {
        if (head.length != SentenceEmbedder.DIMENSIONS || combiner.length != MessageFeatures.NAMES.length + 1) {
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

    /** The chat head's signed verdict, clipped to [-4, 4] as the combiner reads it. */
    public double chatScore(MessageFeatures f) {
        return Math.max(-4, Math.min(4, chat.decision(f.chatInput())));
    }

    /** The combined crisis probability of a message. */
    public double probability(MessageFeatures f) {
        return probability(f, chatScore(f));
    }

    double probability(MessageFeatures f, double chatScore) {
        double[] x = f.vector(logit(head, headBias, f.mean()), chatScore);
        double z = combiner[0];
        for (int i = 0; i < x.length; i++) {
            z += combiner[i + 1] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether the model reads a crisis: the combiner over its threshold, or a short message over the chat head's. */
    public boolean alerts(MessageFeatures f) {
        double chatScore = chatScore(f);
        return alerts(probability(f, chatScore), chatScore, f.words(), threshold, shortThreshold);
    }

    static boolean alerts(double probability, double chatScore, int words, double threshold, double shortThreshold) {
        return probability >= threshold || words <= SHORT_WORDS && chatScore >= shortThreshold;
    }

    public static CrisisModel builtIn() {
        try (InputStream in = CrisisModel.class.getResourceAsStream(RESOURCE);
             InputStream svm = CrisisModel.class.getResourceAsStream(ChatSvm.RESOURCE)) {
            if (in == null || svm == null) {
                throw new IllegalStateException(RESOURCE + " or " + ChatSvm.RESOURCE + " is not on the classpath");
            }
            return read(in, ChatSvm.read(svm));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CrisisModel read(InputStream in, ChatSvm chat) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> provenance = new ArrayList<>();
        float[] head = null;
        double bias = 0;
        double[] combiner = null;
        double threshold = Double.NaN;
        double shortThreshold = Double.NaN;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("#")) {
                provenance.add(line.substring(1).strip());
                continue;
            }
            String[] p = line.strip().split("\\s+");
            switch (p[0]) {
                case "head.bias" -> bias = Double.parseDouble(p[1]);
                case "head.weights" -> head = floats(p);
                case "combiner" -> {
                    combiner = new double[p.length - 1];
                    for (int i = 1; i < p.length; i++) {
                        combiner[i - 1] = Double.parseDouble(p[i]);
                    }
                }
                case "threshold" -> threshold = Double.parseDouble(p[1]);
                case "short-threshold" -> shortThreshold = Double.parseDouble(p[1]);
                case "" -> { }
                default -> throw new IOException("unknown model line " + p[0]);
            }
        }
        if (head == null || combiner == null || Double.isNaN(threshold) || Double.isNaN(shortThreshold)) {
            throw new IOException("incomplete model");
        }
        return new CrisisModel(head, bias, chat, combiner, threshold, shortThreshold, provenance);
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
        sb.append("# the chat head (chat-svm.bin) alone alerts on a message of at most ").append(SHORT_WORDS)
                .append(" words at\n");
        sb.append("short-threshold ").append(fmt(shortThreshold)).append('\n');
        sb.append("# combiner: bias, then ").append(String.join(", ", MessageFeatures.NAMES)).append('\n');
        sb.append("combiner");
        for (double c : combiner) {
            sb.append(' ').append(fmt(c));
        }
        sb.append("\nhead.bias ").append(fmt(headBias)).append("\nhead.weights");
        weights(sb, head);
        return sb.append('\n').toString();
    }

    /** Writes the chat head (what {@link #builtIn} reads as {@code chat-svm.bin}). */
    public void writeChatHead(java.io.OutputStream out) throws IOException {
        chat.write(out);
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
