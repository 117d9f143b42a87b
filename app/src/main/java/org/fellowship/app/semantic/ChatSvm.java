package org.fellowship.app.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * The chat-style head: a support-vector machine with a Gaussian (RBF) kernel over a short message's embedding and its
 * lexicon score, trained on chat-style rows only (the project's suite, the independent writers' sets and the reference
 * bank). A linear head on the same embedding could not separate "I gave my dog to my sister, she'll be better off" from
 * "gave my dog to my mum while I'm in rehab"; the kernel head, measured on writers it never learned from, ranked crisis
 * above non-crisis far better (docs/crisis-detection.md).
 *
 * <p>Trained with LIBSVM in {@code evaluate-detector}; the shipped head (support vectors and their weights, a binary
 * resource) is evaluated here without LIBSVM. {@link #decision} is positive on the crisis side. Immutable.
 */
public record ChatSvm(float[][] vectors, double[] coefficients, double rho, double gamma) {
    /** Dimensions of the input: the embedding and the lexicon score. */
    public static final int INPUT = SentenceEmbedder.DIMENSIONS + 1;
    static final String RESOURCE = "/org/fellowship/app/semantic/chat-svm.bin";
    private static final int MAGIC = 0x46435356;
    /** Kernel width and box constraint. */
    static final double GAMMA = 2;
    static final double C = 10;

    public ChatSvm {
        if (vectors.length != coefficients.length) {
            throw new IllegalArgumentException("one coefficient per support vector");
        }
    }

    /** A message's input: its mean embedding and half its lexicon score (capped at 2), as the head was trained. */
    static float[] input(float[] mean, double lexiconScore) {
        float[] x = java.util.Arrays.copyOf(mean, INPUT);
        x[INPUT - 1] = (float) (0.5 * Math.min(2, Math.max(0, lexiconScore)));
        return x;
    }

    /** The signed distance from the boundary, positive for crisis. */
    public double decision(float[] x) {
        double sum = -rho;
        for (int i = 0; i < vectors.length; i++) {
            float[] v = vectors[i];
            double d = 0;
            for (int j = 0; j < v.length; j++) {
                double diff = v[j] - x[j];
                d += diff * diff;
            }
            sum += coefficients[i] * Math.exp(-gamma * d);
        }
        return sum;
    }

    /**
     * Trains on {@code x} (rows of {@link #INPUT} numbers) and labels {@code y} (1 = crisis), the two classes weighed
     * equally whatever their counts.
     */
    static ChatSvm train(List<float[]> x, int[] y) {
        svm_problem problem = new svm_problem();
        problem.l = x.size();
        problem.y = new double[x.size()];
        problem.x = new svm_node[x.size()][];
        int positives = 0;
        for (int i = 0; i < x.size(); i++) {
            problem.y[i] = y[i];
            positives += y[i];
            float[] row = x.get(i);
            svm_node[] nodes = new svm_node[row.length];
            for (int j = 0; j < row.length; j++) {
                nodes[j] = new svm_node();
                nodes[j].index = j + 1;
                nodes[j].value = row[j];
            }
            problem.x[i] = nodes;
        }
        if (positives == 0 || positives == x.size()) {
            throw new IllegalArgumentException("the chat head needs both classes");
        }
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = GAMMA;
        p.C = C;
        p.cache_size = 200;
        p.eps = 1e-3;
        p.shrinking = 1;
        p.probability = 0;
        p.nr_weight = 2;
        p.weight_label = new int[] {0, 1};
        p.weight = new double[] {(double) x.size() / (2.0 * (x.size() - positives)), (double) x.size() / (2.0 * positives)};
        svm.svm_set_print_string_function(s -> { });
        svm_model m = svm.svm_train(problem, p);
        // LIBSVM's decision is positive for its first label; make it positive for crisis
        double sign = m.label[0] == 1 ? 1 : -1;
        float[][] vectors = new float[m.l][INPUT];
        double[] coefficients = new double[m.l];
        for (int i = 0; i < m.l; i++) {
            for (svm_node n : m.SV[i]) {
                vectors[i][n.index - 1] = (float) n.value;
            }
            coefficients[i] = sign * m.sv_coef[0][i];
        }
        return new ChatSvm(vectors, coefficients, sign * m.rho[0], GAMMA);
    }

    static ChatSvm read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a chat head file");
        }
        int count = in.readInt();
        int dims = in.readInt();
        if (dims != INPUT || count < 1) {
            throw new IOException("chat head has the wrong shape");
        }
        double gamma = in.readDouble();
        double rho = in.readDouble();
        float[][] vectors = new float[count][dims];
        double[] coefficients = new double[count];
        for (int i = 0; i < count; i++) {
            coefficients[i] = in.readDouble();
            for (int j = 0; j < dims; j++) {
                vectors[i][j] = in.readFloat();
            }
        }
        return new ChatSvm(vectors, coefficients, rho, gamma);
    }

    void write(OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
        out.writeInt(MAGIC);
        out.writeInt(vectors.length);
        out.writeInt(INPUT);
        out.writeDouble(gamma);
        out.writeDouble(rho);
        for (int i = 0; i < vectors.length; i++) {
            out.writeDouble(coefficients[i]);
            for (float f : vectors[i]) {
                out.writeFloat(f);
            }
        }
        out.flush();
    }
}
