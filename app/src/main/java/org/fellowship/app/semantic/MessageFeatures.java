package org.fellowship.app.semantic;

import org.fellowship.core.safety.ContextRules;
import org.fellowship.core.safety.Detection;
import org.fellowship.core.text.TextNormalizer;

/**
 * What the crisis model reads of one message apart from its two heads: the lexicon's score, how close the message
 * comes to the {@link MeaningBank}'s risk statements (and how much closer than to its hard negatives), and its voice
 * (the writer speaking of themselves, speaking to "you", past or recovery markers, support markers, length). The
 * embedding alone blurs "I'm giving my things away" with "I gave my things away when I got sober"; the voice
 * features are what the lexicon's context rules look at.
 *
 * @param base  the features in {@link #NAMES} order, with the two head slots left at 0
 * @param words the message's length in words (short messages also get the chat head's own verdict)
 */
public record MessageFeatures(float[] mean, double[] base, MeaningBank.Comparison bank, int words) {
    /** The combiner's inputs, in order. */
    public static final String[] NAMES = {"lexicon", "head", "chat-head", "risk", "margin", "first-person",
            "you", "past", "support", "length"};
    static final int HEAD = 1;
    static final int CHAT_HEAD = 2;
    private static final ContextRules RULES = new ContextRules();
    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

    public static MessageFeatures of(String text, Detection lexicon, float[][] windows, MeaningBank bank) {
        MeaningBank.Comparison c = bank.compare(windows);
        ContextRules.Voice v = RULES.voice(NORMALIZER.normalize(text).text());
        int words = Math.max(1, v.words());
        double[] base = {lexicon.crisisScore(), 0, 0, c.risk(), c.margin(),
                Math.min(1, 5.0 * v.firstPerson() / words), Math.min(1, v.secondPerson() / 2.0),
                Math.min(1, v.pastMarkers()), Math.min(1, v.supportMarkers() / 2.0), Math.log1p(words) / 5};
        return new MessageFeatures(SentenceEmbedder.mean(windows), base, c, words);
    }

    /** What the chat head reads: the mean embedding and the lexicon score. */
    float[] chatInput() {
        return ChatSvm.input(mean, base[0]);
    }

    /** The full vector with the heads' log-odds filled in. */
    public double[] vector(double head, double chatHead) {
        double[] v = base.clone();
        v[HEAD] = head;
        v[CHAT_HEAD] = chatHead;
        return v;
    }
}
