package org.fellowship.core.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fellowship.core.alert.CrisisCategory;

/**
 * A list of phrases with their category and weight, read from the project's own text format:
 *
 * <pre>
 * # comment lines and blank lines are ignored
 * phrase | category | weight
 * kill myself | suicidal_ideation | 0.9
 * overdos*    | overdose_lethal_means | 0.5
 * ! cut myself off
 * ~ hopeless | hopelessness
 * </pre>
 *
 * A line starting with {@code !} is an idiom that is not evidence: a phrase found inside it is ignored
 * ("cut myself off from friends" is not self-harm).
 * A line starting with {@code ~} is a risk-factor cue and the construct it belongs to ({@code ~ phrase | construct},
 * e.g. hopelessness, burdensomeness, entrapment): never evidence on its own, it only adds to ideation already found
 * in a message written about the writer (see {@link CrisisDetector}).
 * The category is one of {@link CrisisCategory} in lower case; the weight is in (0, 1]. Phrases are matched after
 * {@link org.fellowship.core.text.TextNormalizer normalisation}, so write them in plain lower case without
 * apostrophes ("do not", "i am").
 * Immutable.
 */
public record Lexicon(List<LexiconEntry> entries, List<String> idioms, Map<String, String> riskFactors) {
    /** The resource holding the built-in lexicon. */
    static final String BUILT_IN = "/org/fellowship/core/safety/crisis-lexicon.txt";

    public Lexicon {
        entries = List.copyOf(entries);
        idioms = List.copyOf(idioms);
        riskFactors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(riskFactors));
    }

    public Lexicon(List<LexiconEntry> entries, List<String> idioms) {
        this(entries, idioms, Map.of());
    }

    public Lexicon(List<LexiconEntry> entries) {
        this(entries, List.of());
    }

    /** The lexicon shipped with the bot. */
    public static Lexicon builtIn() {
        InputStream in = Lexicon.class.getResourceAsStream(BUILT_IN);
        if (in == null) {
            throw new IllegalStateException("built-in lexicon missing from the classpath: " + BUILT_IN);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the format above.
     *
     * @throws IllegalArgumentException naming the source and line of the first malformed line
     */
    static Lexicon parse(Reader reader, String sourceName) throws IOException {
        List<LexiconEntry> entries = new ArrayList<>();
        List<String> idioms = new ArrayList<>();
        Map<String, String> riskFactors = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("!")) {
                String idiom = trimmed.substring(1).strip();
                if (idiom.isEmpty()) {
                    throw new IllegalArgumentException(sourceName + ":" + number + ": empty idiom");
                }
                idioms.add(idiom);
                continue;
            }
            if (trimmed.startsWith("~")) {
                String[] cue = trimmed.substring(1).split("\\|");
                if (cue.length != 2 || cue[0].isBlank() || cue[1].isBlank()) {
                    throw new IllegalArgumentException(sourceName + ":" + number + ": expected '~ phrase | construct'");
                }
                riskFactors.put(cue[0].strip(), cue[1].strip());
                continue;
            }
            String[] parts = trimmed.split("\\|");
            if (parts.length != 3) {
                throw new IllegalArgumentException(sourceName + ":" + number + ": expected 'phrase | category | weight'");
            }
            CrisisCategory category = CrisisCategory.parse(parts[1]);
            if (category == null) {
                throw new IllegalArgumentException(sourceName + ":" + number + ": unknown category '" + parts[1].strip() + "'");
            }
            double weight;
            try {
                weight = Double.parseDouble(parts[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(sourceName + ":" + number + ": weight is not a number");
            }
            try {
                entries.add(new LexiconEntry(parts[0].strip(), category, weight));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(sourceName + ":" + number + ": " + e.getMessage());
            }
        }
        return new Lexicon(entries, idioms, riskFactors);
    }

    /** This lexicon plus {@code more}. */
    Lexicon plus(List<LexiconEntry> more) {
        List<LexiconEntry> all = new ArrayList<>(entries);
        all.addAll(more);
        return new Lexicon(all, idioms, riskFactors);
    }
}
