package org.fellowship.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.Test;

class ConsoleIT {

    @Test
    void membersTalkInTheGroupAndPrivatelyAndPickNumberedChoices() {
        String input = String.join("\n",
                "Sam: /help",
                "Sam> /timezone Berlin",
                "/language",
                "1",
                "Kim: /rank",
                "Kim> /timezon x",
                ":advance 2h",
                ":quit") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = LocalModes.run(new String[] {"console", "--redis-url", RedisTestServer.uri()},
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(exit).isZero();
        assertThat(text).doesNotContain("Fellowship in the group:").contains("Fellowship to Sam privately:\n  Here is what I can do:")
                .contains("Fellowship to Sam privately:\n  Time zone set to Europe/Berlin.")
                .contains("Reply with a number:\n  1. English")
                .contains("I'll reply in English.")
                .contains("I don't know the command /timezon. Did you mean /timezone?")
                .contains("(clock is now ");
    }

    @Test
    void durationsForAdvance() {
        assertThat(ConsoleRunner.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(ConsoleRunner.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ConsoleRunner.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(ConsoleRunner.parseDuration("soon")).isNull();
    }
}
