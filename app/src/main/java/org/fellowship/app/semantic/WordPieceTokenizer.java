package org.fellowship.app.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, read from a Hugging Face {@code tokenizer.json} (vocabulary only): clean the
 * text, lower-case it and strip accents, split on white space and punctuation (each CJK character alone), then
 * greedy longest-match word pieces with the {@code ##} prefix. Pure Java, so no native tokenizer library ships in the
 * jar. Thread-safe (immutable).
 */
public final class WordPieceTokenizer {
    static final String UNK = "[UNK]";
    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Integer> vocab;
    private final int unk;
    private final int cls;
    private final int sep;

    WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = Map.copyOf(vocab);
        this.unk = id(UNK);
        this.cls = id("[CLS]");
        this.sep = id("[SEP]");
    }

    /** Reads {@code model.vocab} of a {@code tokenizer.json}. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
        JsonNode vocabNode = new ObjectMapper().readTree(json).path("model").path("vocab");
        if (!vocabNode.isObject() || vocabNode.isEmpty()) {
            throw new IOException("tokenizer.json has no model.vocab");
        }
        Map<String, Integer> vocab = new HashMap<>(vocabNode.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        return new WordPieceTokenizer(vocab);
    }

    private int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("vocabulary lacks " + token);
        }
        return id;
    }

    public int cls() {
        return cls;
    }

    public int sep() {
        return sep;
    }

    /** The word-piece ids of {@code text}, without {@code [CLS]}/{@code [SEP]}. */
    public List<Integer> encode(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String word : basicTokens(text)) {
            wordPieces(word, ids);
        }
        return ids;
    }

    /** Clean, lower-case, strip accents, split on white space and punctuation. */
    static List<String> basicTokens(String text) {
        String lower = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || Character.getType(c) == Character.NON_SPACING_MARK
                    || isControl(c)) {
                continue;
            }
            if (isWhitespace(c)) {
                flush(current, words);
            } else if (isPunctuation(c) || isCjk(c)) {
                flush(current, words);
                words.add(new String(Character.toChars(c)));
            } else {
                current.appendCodePoint(c);
            }
        }
        flush(current, words);
        return words;
    }

    private void wordPieces(String word, List<Integer> out) {
        if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
            out.add(unk);
            return;
        }
        int start = 0;
        List<Integer> pieces = new ArrayList<>();
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String piece = (start > 0 ? "##" : "") + word.substring(start, end);
                found = vocab.get(piece);
                if (found != null) {
                    break;
                }
                end--;
                if (end > start && Character.isLowSurrogate(word.charAt(end))) {
                    end--;
                }
            }
            if (found == null) {
                out.add(unk); // the whole word is unknown, as BERT does it
                return;
            }
            pieces.add(found);
            start = end;
        }
        out.addAll(pieces);
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (!current.isEmpty()) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE
                || t == Character.SURROGATE || t == Character.UNASSIGNED;
    }

    private static boolean isPunctuation(int c) {
        if (c >= 33 && c <= 47 || c >= 58 && c <= 64 || c >= 91 && c <= 96 || c >= 123 && c <= 126) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x2A6DF
                || c >= 0x2A700 && c <= 0x2CEAF || c >= 0xF900 && c <= 0xFAFF || c >= 0x2F800 && c <= 0x2FA1F;
    }
}
