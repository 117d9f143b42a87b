package org.fellowship.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorEvaluationTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LocalModes.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingDataSaysWhereItComesFrom() {
        Run r = run("evaluate-detector", dir.resolve("cssrs-dev.csv").toString(), "--simple");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file").contains("../shared/data/crisis/").contains("fresh clone");
    }

    @Test
    void cssrsLayoutReportsRecallAndFalseAlertsRawAndUndone() throws Exception {
        Path csv = dir.resolve("mini.csv");
        Files.writeString(csv, "user,label,crisis,text\n"
                + "u1,ideation,1,\"I want to kill myself, Im Tired Depressed mood\"\n"
                + "u2,supportive,0,\"please, call 988. you are not alone\"\n"
                + "u3,indicator,0,I feel Depressed mood today\n"
                + "u4,attempt,1,\"took all my pills\nlast night\"\n");
        Run r = run("evaluate-detector", csv.toString(), "--simple", "--no-semantic");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("-- raw text --").contains("-- after undoing the substitutions")
                .contains("crisis recall (ideation, behavior, attempt): 2/2 = 1.000")
                .contains("false alerts supportive       0/1")
                .doesNotContain("kill myself");
    }

    @Test
    void genericCsvWithLabelColumn() throws Exception {
        Path csv = dir.resolve("generic.csv");
        Files.writeString(csv, "kind,body\nbad,I want to die\ngood,lovely meeting today\n");
        Run r = run("evaluate-detector", csv.toString(), "--column", "body", "--label-column", "kind", "--simple");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("bad").contains("crisis alerts 1.000").contains("good");
        assertThat(run("evaluate-detector", csv.toString(), "--column", "nope", "--simple").err())
                .contains("columns not found");
    }

    @Test
    void undoesTheDocumentedSubstitutions() {
        assertThat(DetectorEvaluation.undoSubstitutions("Im Tired Depressed mood and dont feel Hyperactive behavior it"))
                .isEqualTo("I'm very down and don't feel like it");
    }

    /**
     * The chat suite through the semantic evaluation: the real model embeds the suite and the reference bank, the
     * model is cross-validated on them, and the report gives lexicon, out-of-fold and in-sample figures per category
     * without printing a message. (The C-SSRS file is not needed for this; the full run is the README's command.)
     */
    @Test
    void chatSuiteGetsOutOfFoldAndInSampleFiguresWithoutItsTexts() throws Exception {
        Path suite = Path.of("src/test/resources/org/fellowship/app/semantic/chat-suite.csv");
        Run r = run("evaluate-detector", suite.toString(), "--simple", "--cssrs", dir.resolve("absent.csv").toString(),
                "--craving", dir.resolve("absent-too.csv").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("absent.csv not found");
        assertThat(r.out()).contains("-- the project's chat-style suite").contains("out-of-fold")
                .contains("chat/crisis").contains("chat/supportive").contains("chat/past");
        String firstMessage = Files.readAllLines(suite).get(1).split(",", 3)[2].replace("\"", "");
        assertThat(r.out()).doesNotContain(firstMessage);
    }
}
