package org.fellowship.app.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.Detection;

/**
 * {@code evaluate-detector CSV [--column NAME] [--label-column NAME]}: runs the crisis detector over a labelled CSV
 * and prints recall and false-alert rates. Knows two layouts: the C-SSRS Reddit file ({@code user,label,crisis,text};
 * crisis recall and false alerts per label, on the raw text and after undoing the corpus's word substitutions)
 * and the r/stopdrinking craving set (two header rows, three annotators' codes in {@code Craving}; relapse-danger
 * recall and crisis false alerts). Any other CSV: alert rates per value of {@code --label-column}.
 * Never prints a row's text; rows are referred to by number.
 */
final class DetectorEvaluation {
    /** The corpus authors replaced ordinary words with medical concept names; these undo it. */
    static final Map<String, String> SUBSTITUTIONS = substitutions();
    private static final Pattern APOSTROPHE_FREE = Pattern.compile(
            "\\b(I|i)m\\b|\\b(dont|didnt|doesnt|cant|wont|isnt|wasnt|arent|werent|couldnt|wouldnt|shouldnt|havent|hasnt|"
                    + "hadnt|Ive|ive|youre|theyre|thats|whats|Dont|Didnt|Cant|Its)\\b");

    static final int OK = 0;
    static final int BAD_INPUT = 2;

    private final CrisisDetector detector;
    private final PrintStream out;

    DetectorEvaluation(CrisisDetector detector, PrintStream out) {
        this.detector = detector;
        this.out = out;
    }

    private static Map<String, String> substitutions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Hyperactive behavior", "like");
        m.put("Depressed mood", "down");
        m.put("Drug abuse", "high");
        m.put("Sedated state", "calm");
        m.put("Tired", "very");
        m.put("Pain", "hurt");
        return m;
    }

    /** Undoes the documented substitutions and puts the stripped apostrophes back. */
    static String undoSubstitutions(String text) {
        String result = text;
        for (Map.Entry<String, String> e : SUBSTITUTIONS.entrySet()) {
            result = result.replace(e.getKey(), e.getValue());
        }
        Matcher m = APOSTROPHE_FREE.matcher(result);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            String fixed = w.equalsIgnoreCase("im") ? w.charAt(0) + "'m"
                    : w.endsWith("nt") ? w.substring(0, w.length() - 2) + "n't"
                    : w.equalsIgnoreCase("ive") ? w.charAt(0) + "'ve"
                    : w.endsWith("re") ? w.substring(0, w.length() - 2) + "'re"
                    : w.substring(0, w.length() - 1) + "'s";
            m.appendReplacement(sb, Matcher.quoteReplacement(fixed));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** @return the exit code (0 ok, 2 bad input) */
    int run(Path csv, String textColumn, String labelColumn, PrintStream err) throws IOException {
        if (!Files.isRegularFile(csv)) {
            err.println("evaluate-detector: no such file: " + csv);
            err.println("  The evaluation data is external and not part of the repository: it is read from "
                    + "../shared/data/crisis/ (see that folder's README). A fresh clone does not have it.");
            return BAD_INPUT;
        }
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        if (rows.isEmpty()) {
            err.println("evaluate-detector: " + csv + " is empty");
            return BAD_INPUT;
        }
        List<String> header = rows.get(0);
        out.println("file: " + csv.getFileName() + "   analyser: " + detector.analyzerName());
        if (header.contains("crisis") && header.contains("label") && header.contains("text") && labelColumn == null) {
            cssrs(rows, header.indexOf(textColumn == null ? "text" : textColumn), header.indexOf("label"),
                    header.indexOf("crisis"));
            return OK;
        }
        if (header.equals(List.of("category", "crisis", "text")) && labelColumn == null) {
            out.println("-- the project's chat-style suite: lexicon alone, alert rate per category --");
            generic(rows.subList(1, rows.size()), 2, 0);
            return OK;
        }
        if (header.size() > 2 && header.get(2).equals("Craving")) {
            craving(rows.subList(2, rows.size()), 1, 2);
            return OK;
        }
        int text = header.indexOf(textColumn == null ? "text" : textColumn);
        int label = labelColumn == null ? -1 : header.indexOf(labelColumn);
        if (text < 0 || labelColumn != null && label < 0) {
            err.println("evaluate-detector: columns not found; the header has " + header);
            return BAD_INPUT;
        }
        generic(rows.subList(1, rows.size()), text, label);
        return OK;
    }

    private void cssrs(List<List<String>> rows, int text, int label, int crisis) {
        for (boolean undo : new boolean[] {false, true}) {
            out.println(undo ? "-- after undoing the substitutions (concept names -> words, apostrophes) --"
                    : "-- raw text --");
            UnaryOperator<String> prepare = undo ? DetectorEvaluation::undoSubstitutions : UnaryOperator.identity();
            Map<String, int[]> perLabel = new TreeMap<>();
            Map<String, List<Double>> scores = new TreeMap<>();
            int crisisRows = 0;
            int crisisFound = 0;
            for (int i = 1; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                if (row.size() <= Math.max(text, Math.max(label, crisis))) {
                    continue;
                }
                Detection d = detector.detect(prepare.apply(row.get(text)));
                scores.computeIfAbsent(row.get(crisis).strip().equals("1") ? "crisis" : row.get(label),
                        k -> new ArrayList<>()).add(d.crisisScore());
                int[] counts = perLabel.computeIfAbsent(row.get(label), k -> new int[2]);
                counts[0]++;
                if (d.flagged()) {
                    counts[1]++;
                }
                if (row.get(crisis).strip().equals("1")) {
                    crisisRows++;
                    if (d.flagged()) {
                        crisisFound++;
                    }
                }
            }
            out.printf(Locale.ROOT, "crisis recall (ideation, behavior, attempt): %d/%d = %.3f%n", crisisFound, crisisRows,
                    ratio(crisisFound, crisisRows));
            for (String l : List.of("ideation", "behavior", "attempt")) {
                int[] c = perLabel.getOrDefault(l, new int[2]);
                out.printf(Locale.ROOT, "  recall %-13s %4d/%-4d = %.3f%n", l, c[1], c[0], ratio(c[1], c[0]));
            }
            for (String l : List.of("supportive", "indicator", "uninformative")) {
                int[] c = perLabel.getOrDefault(l, new int[2]);
                out.printf(Locale.ROOT, "false alerts %-13s %4d/%-4d = %.3f%n", l, c[1], c[0], ratio(c[1], c[0]));
            }
            out.println("  operating points (a community may set its crisis threshold):");
            out.println("  threshold  recall  supportive  indicator  uninformative");
            for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
                out.printf(Locale.ROOT, "  %9.1f  %6.3f  %10.3f  %9.3f  %13.3f%n", t, above(scores, "crisis", t),
                        above(scores, "supportive", t), above(scores, "indicator", t), above(scores, "uninformative", t));
            }
        }
    }

    private void craving(List<List<String>> rows, int text, int code) {
        int craving = 0;
        int cravingFound = 0;
        int none = 0;
        int noneRelapse = 0;
        int crisisAlerts = 0;
        int total = 0;
        for (List<String> row : rows) {
            if (row.size() <= Math.max(text, code) || row.get(text).isBlank()) {
                continue;
            }
            total++;
            Detection d = detector.detect(row.get(text));
            long ones = row.get(code).chars().filter(c -> c == '1').count();
            if (d.flagged()) {
                crisisAlerts++;
            }
            if (ones >= 2) {
                craving++;
                if (d.relapse()) {
                    cravingFound++;
                }
            } else {
                none++;
                if (d.relapse()) {
                    noneRelapse++;
                }
            }
        }
        out.printf(Locale.ROOT, "relapse-danger recall (majority craving): %d/%d = %.3f%n", cravingFound, craving,
                ratio(cravingFound, craving));
        out.printf(Locale.ROOT, "relapse-danger on no-craving posts:       %d/%d = %.3f%n", noneRelapse, none,
                ratio(noneRelapse, none));
        out.printf(Locale.ROOT, "crisis false alerts (all posts):          %d/%d = %.3f%n", crisisAlerts, total,
                ratio(crisisAlerts, total));
    }

    private void generic(List<List<String>> rows, int text, int label) {
        Map<String, int[]> perLabel = new TreeMap<>();
        for (List<String> row : rows) {
            if (row.size() <= Math.max(text, label)) {
                continue;
            }
            Detection d = detector.detect(row.get(text));
            int[] c = perLabel.computeIfAbsent(label < 0 ? "(all)" : row.get(label), k -> new int[3]);
            c[0]++;
            c[1] += d.flagged() ? 1 : 0;
            c[2] += d.relapse() ? 1 : 0;
        }
        perLabel.forEach((l, c) -> out.printf(Locale.ROOT, "%-20s rows %5d  crisis alerts %.3f  relapse %.3f%n", l, c[0],
                ratio(c[1], c[0]), ratio(c[2], c[0])));
    }

    private static double above(Map<String, List<Double>> scores, String group, double threshold) {
        List<Double> list = scores.getOrDefault(group, List.of());
        return ratio((int) list.stream().filter(s -> s >= threshold).count(), list.size());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String content) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            int n = content.length();
            if (n > 0 && content.charAt(0) == '\uFEFF') {
                i = 1;
            }
            for (; i < n; i++) {
                char c = content.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && content.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < n && content.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
