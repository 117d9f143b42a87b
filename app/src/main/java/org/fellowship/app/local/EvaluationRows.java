package org.fellowship.app.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled messages {@link SemanticEvaluation} learns from and measures on, read from the C-SSRS dev file, the
 * craving set and the chat suite. Stateless.
 */
final class EvaluationRows {
    private EvaluationRows() {
    }

    /** A message to learn from: where it comes from, its group for folds, its label and its text. */
    record Row(String source, String group, String label, int crisis, String text) {
    }

    /** The C-SSRS dev file: one row per post, grouped by user. */
    static List<Row> cssrs(Path csv) throws IOException {
        List<List<String>> rows = DetectorEvaluation.Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> h = rows.get(0);
        int user = h.indexOf("user");
        int label = h.indexOf("label");
        int crisis = h.indexOf("crisis");
        int text = h.indexOf("text");
        List<Row> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() > Math.max(Math.max(user, label), Math.max(crisis, text))) {
                out.add(new Row("cssrs", r.get(user), r.get(label), r.get(crisis).strip().equals("1") ? 1 : 0,
                        DetectorEvaluation.undoSubstitutions(r.get(text))));
            }
        }
        return out;
    }

    /** The craving set: posts that are not crises, each its own group. */
    static List<Row> craving(Path csv) throws IOException {
        List<List<String>> rows = DetectorEvaluation.Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<Row> out = new ArrayList<>();
        int i = 0;
        for (List<String> r : rows.subList(Math.min(2, rows.size()), rows.size())) {
            if (r.size() > 1 && !r.get(1).isBlank()) {
                out.add(new Row("craving", "c" + i++, "post", 0, r.get(1)));
            }
        }
        return out;
    }

    /** The project's chat suite ({@code category,crisis,text}). */
    static List<Row> suite(Path csv) throws IOException {
        return chat(csv, "s");
    }

    /**
     * The independent writers' chat sets: every {@code *.csv} in {@code dir} ({@code category,crisis,text}), each
     * written by one person who saw neither the suite, the lexicon nor the other sets; the file name is the writer
     * and the fold group ({@code author:NAME}), so cross-validation always tests on a writer it has not seen.
     */
    static List<Row> authors(Path dir) throws IOException {
        List<Row> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.csv$", "");
                out.addAll(chat(f, AUTHOR + name));
            }
        }
        return out;
    }

    static final String AUTHOR = "author:";

    private static List<Row> chat(Path csv, String group) throws IOException {
        List<List<String>> rows = DetectorEvaluation.Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<Row> out = new ArrayList<>();
        int i = 0;
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() >= 3) {
                String g = group.startsWith(AUTHOR) ? group : group + i++;
                out.add(new Row("chat", g, r.get(0).strip(), r.get(1).strip().equals("1") ? 1 : 0, r.get(2)));
            }
        }
        return out;
    }

    /** The rows of every file that exists, in this order; each missing file is reported on {@code err}. */
    static List<Row> load(Path cssrsFile, Path cravingFile, Path suiteFile, Path authorsDir, PrintStream err)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path p : new Path[] {cssrsFile, cravingFile, suiteFile}) {
            if (p == null || !Files.isRegularFile(p)) {
                err.println("semantic evaluation: " + p + " not found; it is left out (the external data is in "
                        + "../shared/data/crisis/, the chat suite in " + SemanticEvaluation.DEFAULT_SUITE + ")");
            }
        }
        if (cssrsFile != null && Files.isRegularFile(cssrsFile)) {
            rows.addAll(cssrs(cssrsFile));
        }
        if (cravingFile != null && Files.isRegularFile(cravingFile)) {
            rows.addAll(craving(cravingFile));
        }
        if (suiteFile != null && Files.isRegularFile(suiteFile)) {
            rows.addAll(suite(suiteFile));
        }
        rows.addAll(authors(authorsDir));
        return rows;
    }
}
