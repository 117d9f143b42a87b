package org.fellowship.core.meeting;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real Meeting Guide feeds in {@code ../shared/data/meetings/} next to the repository (never copied in). */
public final class SharedFeeds {
    /** From a module's working directory: the repository root's sibling {@code shared} folder. */
    public static final Path DIR = Path.of("..", "..", "shared", "data", "meetings");

    private SharedFeeds() {
    }

    /** The feed's text; skips the calling test with a clear message when the shared data folder is absent. */
    public static String read(String file) {
        Path path = DIR.resolve(file);
        assumeTrue(Files.isRegularFile(path), () -> "skipped: shared meeting feeds not found at "
                + DIR.toAbsolutePath().normalize() + " (they live outside the repository, see README)");
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
