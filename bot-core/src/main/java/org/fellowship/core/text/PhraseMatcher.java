package org.fellowship.core.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over normalised phrases: one pass over a message finds every phrase in it, in time linear in
 * the message length whatever the number of phrases. Matches start and end on word boundaries (a phrase with a
 * trailing {@code *} may end inside a word, one with a leading {@code *} start inside one). A letter stretched to
 * three or more ("diiie", "killl") matches the phrase's single or double letter, but a double never matches a single
 * or the other way round, so "nose" is not "noose" and "of" is not "off". Crisis detection runs it over its lexicon,
 * group moderation over its keyword rules.
 *
 * <p>Immutable after construction and safe to share across threads.
 */
public final class PhraseMatcher {
    /**
     * One phrase found in normalised text.
     *
     * @param start first character in the normalised text (extended to the start of the word for suffix phrases)
     * @param end   one past the last character (extended to the end of the word for prefix phrases)
     * @param index the position of the phrase in the list the matcher was built from
     */
    public record Match(int start, int end, int index) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        Node fail;
        final List<Integer> outputs = new ArrayList<>(1);
        int depth;
    }

    private final Node root = new Node();
    private final List<String> phrases;
    private final boolean[] prefixes;
    private final boolean[] suffixes;
    private final List<Integer> keyLengths = new ArrayList<>();
    private final List<int[]> keyRuns = new ArrayList<>();

    /**
     * A matcher over {@code patterns}, normalised like the text it reads: {@code word} matches the whole word,
     * {@code word*} words that start with it, {@code *word} words that end with it, {@code *word*} words that contain
     * it (Discord AutoMod's keyword syntax). {@link Match#index()} is the pattern's position in {@code patterns}.
     */
    public static PhraseMatcher ofPatterns(List<String> patterns) {
        return new PhraseMatcher(List.copyOf(patterns));
    }

    private PhraseMatcher(List<String> phrases) {
        this.phrases = phrases;
        this.prefixes = new boolean[phrases.size()];
        this.suffixes = new boolean[phrases.size()];
        TextNormalizer normalizer = TextNormalizer.standard();
        for (int id = 0; id < phrases.size(); id++) {
            String raw = phrases.get(id).strip();
            prefixes[id] = raw.endsWith("*");
            // A leading '*' is only a wildcard when something follows it (no lexicon phrase starts with one).
            suffixes[id] = raw.length() > 1 && raw.startsWith("*");
            String words = raw.substring(suffixes[id] ? 1 : 0, Math.max(suffixes[id] ? 1 : 0,
                    raw.length() - (prefixes[id] ? 1 : 0)));
            Squeezed phrase = squeeze(normalizer.fold(words));
            String key = phrase.key;
            keyLengths.add(key.length());
            keyRuns.add(phrase.runs);
            if (key.isEmpty()) {
                continue;
            }
            Node node = root;
            for (int i = 0; i < key.length(); i++) {
                Node parent = node;
                node = node.next.computeIfAbsent(key.charAt(i), c -> {
                    Node child = new Node();
                    child.depth = parent.depth + 1;
                    return child;
                });
            }
            node.outputs.add(id);
        }
        ArrayDeque<Node> queue = new ArrayDeque<>();
        root.fail = root;
        for (Node child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            for (Map.Entry<Character, Node> e : node.next.entrySet()) {
                Node child = e.getValue();
                Node f = node.fail;
                while (f != root && !f.next.containsKey(e.getKey())) {
                    f = f.fail;
                }
                Node target = f.next.get(e.getKey());
                child.fail = target != null && target != child ? target : root;
                child.outputs.addAll(child.fail.outputs);
                queue.add(child);
            }
        }
    }

    /** Number of phrases. */
    public int size() {
        return phrases.size();
    }

    /** Every phrase occurrence in {@code normalized} (text from {@link TextNormalizer}), in order of their end. */
    public List<Match> find(String normalized) {
        Squeezed s = squeeze(normalized);
        String key = s.key;
        List<Match> found = new ArrayList<>();
        Node node = root;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            while (node != root && !node.next.containsKey(c)) {
                node = node.fail;
            }
            node = node.next.getOrDefault(c, root);
            if (node.outputs.isEmpty()) {
                continue;
            }
            for (int id : node.outputs) {
                int keyStart = i - keyLengths.get(id) + 1;
                if (!runsFit(s.runs, keyStart, keyRuns.get(id), prefixes[id], suffixes[id])) {
                    continue;
                }
                int start = s.map[keyStart];
                int end = s.map[i] + 1;
                while (end < normalized.length() && normalized.charAt(end) == normalized.charAt(end - 1)
                        && Character.isLetter(normalized.charAt(end))) {
                    end++; // the squeezed duplicate letters belong to the match
                }
                if (suffixes[id]) {
                    while (start > 0 && Character.isLetterOrDigit(normalized.charAt(start - 1))) {
                        start--;
                    }
                } else if (!boundaryBefore(normalized, start)) {
                    continue;
                }
                if (prefixes[id]) {
                    while (end < normalized.length() && Character.isLetterOrDigit(normalized.charAt(end))) {
                        end++;
                    }
                } else if (!boundaryAfter(normalized, end)) {
                    continue;
                }
                found.add(new Match(start, end, id));
            }
        }
        return found;
    }

    private static boolean boundaryBefore(String text, int start) {
        return start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
    }

    private static boolean boundaryAfter(String text, int end) {
        return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
    }

    /**
     * Equal letter runs, or a run stretched to three or more in the text (the last letter of a prefix, and the first
     * of a suffix pattern, may grow).
     */
    private static boolean runsFit(int[] textRuns, int start, int[] phraseRuns, boolean prefix, boolean suffix) {
        for (int k = 0; k < phraseRuns.length; k++) {
            int text = textRuns[start + k];
            int phrase = phraseRuns[k];
            boolean last = k == phraseRuns.length - 1;
            if (text != phrase && text < 3 && !(prefix && last && text > phrase) && !(suffix && k == 0 && text > phrase)) {
                return false;
            }
        }
        return true;
    }

    /** The squeezed key, where each key character sits in the text, and how long its run of letters is. */
    private record Squeezed(String key, int[] map, int[] runs) {
    }

    /** Drops a letter equal to the one before it, keeping where each kept character was. */
    private static Squeezed squeeze(String text) {
        StringBuilder key = new StringBuilder(text.length());
        int[] map = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i > 0 && c == text.charAt(i - 1) && Character.isLetter(c)) {
                continue;
            }
            map[key.length()] = i;
            key.append(c);
        }
        int[] kept = Arrays.copyOf(map, key.length());
        int[] runs = new int[kept.length];
        for (int k = 0; k < kept.length; k++) {
            runs[k] = (k + 1 < kept.length ? kept[k + 1] : text.length()) - kept[k];
        }
        return new Squeezed(key.toString(), kept, runs);
    }
}
