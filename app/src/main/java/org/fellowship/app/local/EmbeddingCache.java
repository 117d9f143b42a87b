package org.fellowship.app.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.fellowship.app.semantic.SentenceEmbedder;

/**
 * The sentence-window embeddings of {@link SemanticEvaluation}, kept in the system temp directory between runs and
 * keyed by a SHA-256 of the text, so a second run takes seconds. The file holds vectors only, never text.
 */
final class EmbeddingCache {
    private final Map<String, float[][]> cache = new ConcurrentHashMap<>();
    private final Path cacheFile = Path.of(System.getProperty("java.io.tmpdir"), "fellowship-" + SentenceEmbedder.NAME + "-cache.bin");
    private final PrintStream err;

    EmbeddingCache(PrintStream err) {
        this.err = err;
    }

    /** The cached window vectors of {@code text}, or {@code null}. */
    float[][] get(String text) {
        return cache.get(key(text));
    }

    /** Embeds the texts not cached yet, on at most two threads. */
    void embedAll(SentenceEmbedder embedder, List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !cache.containsKey(key(t))).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        err.println("semantic evaluation: embedding " + missing.size() + " texts (cached afterwards)...");
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        try {
            pool.submit(() -> missing.parallelStream().forEach(t -> cache.put(key(t),
                    embedder.embedWindows(t).vectors()))).join();
        } finally {
            pool.shutdown();
        }
    }

    private static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    /** Reads the cache file, if any; an unreadable one is ignored (and rewritten by {@link #save}). */
    void load() {
        if (!Files.isRegularFile(cacheFile)) {
            return;
        }
        try (InputStream raw = Files.newInputStream(cacheFile);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String k = in.readUTF();
                float[][] v = new float[in.readInt()][SentenceEmbedder.DIMENSIONS];
                for (float[] w : v) {
                    for (int j = 0; j < w.length; j++) {
                        w[j] = in.readFloat();
                    }
                }
                cache.put(k, v);
            }
        } catch (IOException e) {
            err.println("semantic evaluation: embedding cache unreadable, starting afresh");
            cache.clear();
        }
    }

    /** Writes every vector to the cache file; a failure is reported, not thrown. */
    void save() {
        try (OutputStream raw = Files.newOutputStream(cacheFile);
             DataOutputStream o = new DataOutputStream(new BufferedOutputStream(raw))) {
            o.writeInt(cache.size());
            for (Map.Entry<String, float[][]> e : cache.entrySet()) {
                o.writeUTF(e.getKey());
                o.writeInt(e.getValue().length);
                for (float[] w : e.getValue()) {
                    for (float f : w) {
                        o.writeFloat(f);
                    }
                }
            }
        } catch (IOException e) {
            err.println("semantic evaluation: could not save the embedding cache: " + e.getMessage());
        }
    }
}
