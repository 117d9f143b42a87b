package org.fellowship.app.nlp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import opennlp.tools.doccat.DoccatModel;

/**
 * Build step: trains the supportive-reply categorizer from the project's own examples
 * ({@value OpenNlpAnalyzer#EXAMPLES}) and writes the model where {@link OpenNlpAnalyzer} loads it from the classpath.
 * Run by the app module's build in {@code process-classes}, so the jar carries a model trained from exactly the
 * examples it was built with, and start-up only loads it.
 */
public final class SupportModelTrainer {
    private SupportModelTrainer() {
    }

    /** {@code args[0]}: the classes directory to write {@value OpenNlpAnalyzer#SUPPORT_MODEL} under. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SupportModelTrainer <classes directory>");
        }
        DoccatModel model = OpenNlpAnalyzer.trainDoccat();
        Path target = Path.of(args[0], OpenNlpAnalyzer.SUPPORT_MODEL.substring(1));
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            model.serialize(out);
        }
    }
}
