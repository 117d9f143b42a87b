package org.fellowship.app.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.alert.CrisisCategory;

/**
 * The curated reference statements of {@value #RESOURCE}: risk statements (C-SSRS screener, 988 and AFSP warning
 * signs, overdose intent) and hard negatives (recovery talk, idioms, supportive replies, past ideation told as
 * recovery), embedded once at start-up. {@link #compare} tells how close a message's closest window comes to a risk
 * statement and by how much it is closer to risk than to the nearest hard negative. Immutable after construction.
 */
public final class MeaningBank {
    static final String RESOURCE = "/org/fellowship/app/semantic/meaning-bank.txt";

    /** One reference statement; {@code id} is what logs and evidence name (never a member's text). */
    public record Statement(String id, boolean risk, CrisisCategory category, String text) {
    }

    /**
     * How a message compares with the bank.
     *
     * @param risk      the highest cosine between a window and a risk statement
     * @param margin    the largest, over windows, of (closest risk cosine minus closest hard-negative cosine)
     * @param window    the window holding {@code risk}
     * @param statement the risk statement closest to that window
     */
    public record Comparison(double risk, double margin, int window, Statement statement) {
    }

    private final List<Statement> statements;
    private final float[][] vectors;

    /** A bank of given statements and their vectors (the evaluation embeds them itself). */
    public MeaningBank(List<Statement> statements, float[][] vectors) {
        this.statements = List.copyOf(statements);
        this.vectors = vectors;
    }

    /** Reads the built-in bank and embeds it. */
    public static MeaningBank load(SentenceEmbedder embedder) {
        List<Statement> statements = parse();
        float[][] vectors = new float[statements.size()][];
        for (int i = 0; i < statements.size(); i++) {
            vectors[i] = embedder.embed(statements.get(i).text());
        }
        return new MeaningBank(statements, vectors);
    }

    /** The built-in statements, not embedded. */
    public static List<Statement> parse() {
        try (InputStream in = MeaningBank.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            List<Statement> statements = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s*\\|\\s*");
                n++;
                if (parts[0].equals("risk") && parts.length == 4) {
                    CrisisCategory category = CrisisCategory.parse(parts[1]);
                    if (category == null || !category.isCrisis()) {
                        throw new IllegalStateException(RESOURCE + ": unknown category on statement " + n);
                    }
                    statements.add(new Statement(parts[2] + "-" + n, true, category, parts[3]));
                } else if (parts[0].equals("safe") && parts.length == 3) {
                    statements.add(new Statement("safe-" + parts[1] + "-" + n, false, null, parts[2]));
                } else {
                    throw new IllegalStateException(RESOURCE + ": malformed statement " + n);
                }
            }
            return statements;
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + RESOURCE, e);
        }
    }

    public List<Statement> statements() {
        return statements;
    }

    public Comparison compare(float[][] windows) {
        double bestRisk = -1;
        double bestMargin = -2;
        int bestWindow = 0;
        Statement closest = null;
        for (int w = 0; w < windows.length; w++) {
            double risk = -1;
            double safe = -1;
            Statement near = null;
            for (int i = 0; i < vectors.length; i++) {
                double c = SentenceEmbedder.cosine(windows[w], vectors[i]);
                if (statements.get(i).risk()) {
                    if (c > risk) {
                        risk = c;
                        near = statements.get(i);
                    }
                } else if (c > safe) {
                    safe = c;
                }
            }
            if (risk > bestRisk) {
                bestRisk = risk;
                bestWindow = w;
                closest = near;
            }
            bestMargin = Math.max(bestMargin, risk - safe);
        }
        return new Comparison(bestRisk, bestMargin, bestWindow, closest);
    }
}
