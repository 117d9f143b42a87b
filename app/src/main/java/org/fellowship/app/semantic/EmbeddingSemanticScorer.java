package org.fellowship.app.semantic;

import org.fellowship.core.safety.Detection;
import org.fellowship.core.safety.SemanticScorer;

/**
 * The {@link SemanticScorer} the app ships: a message is embedded ({@link SentenceEmbedder}), compared with the
 * curated {@link MeaningBank} and read by the learned {@link CrisisModel}, which combines that with the lexicon's score.
 * Thread-safe (all parts are immutable or thread-safe).
 */
public final class EmbeddingSemanticScorer implements SemanticScorer {
    private final SentenceEmbedder embedder;
    private final MeaningBank bank;
    private final CrisisModel model;

    public EmbeddingSemanticScorer(SentenceEmbedder embedder, MeaningBank bank, CrisisModel model) {
        this.embedder = embedder;
        this.bank = bank;
        this.model = model;
    }

    private static volatile EmbeddingSemanticScorer shared;

    /** The shipped model, loaded once per process (local modes and tests share it). */
    public static EmbeddingSemanticScorer shared() {
        EmbeddingSemanticScorer result = shared;
        if (result == null) {
            synchronized (EmbeddingSemanticScorer.class) {
                result = shared;
                if (result == null) {
                    result = load();
                    shared = result;
                }
            }
        }
        return result;
    }

    /** The shipped model: loads the embedding model, embeds the bank (about a second) and reads the learned weights. */
    public static EmbeddingSemanticScorer load() {
        SentenceEmbedder embedder = SentenceEmbedder.load();
        return new EmbeddingSemanticScorer(embedder, MeaningBank.load(embedder), CrisisModel.builtIn());
    }

    public SentenceEmbedder embedder() {
        return embedder;
    }

    public MeaningBank bank() {
        return bank;
    }

    public CrisisModel model() {
        return model;
    }

    @Override
    public Reading read(String text, Detection lexicon) {
        SentenceEmbedder.Embedded e = embedder.embedWindows(text);
        MessageFeatures f = MessageFeatures.of(text, lexicon, e.vectors(), bank);
        double p = model.probability(f);
        boolean crisis = model.alerts(f);
        MeaningBank.Comparison c = f.bank();
        int[] span = e.spans()[c.window()];
        int start = Math.min(Math.max(0, span[0]), text.length());
        int end = Math.min(Math.max(start, span[1]), text.length());
        MeaningBank.Statement s = c.statement();
        return new Reading(p, crisis, s == null ? null : s.category(), start, end,
                s == null ? null : s.id());
    }

    @Override
    public String name() {
        return SentenceEmbedder.NAME;
    }
}
