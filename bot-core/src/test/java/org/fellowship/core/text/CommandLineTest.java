package org.fellowship.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void parsesNameBotAndArguments() {
        assertThat(CommandLine.parse("/TimeZone@Fellowship_bot  Europe/Berlin "))
                .contains(new CommandLine("timezone", "Fellowship_bot", "Europe/Berlin"));
        assertThat(CommandLine.parse("/help")).contains(new CommandLine("help", null, ""));
    }

    @Test
    void rejectsWhatIsNotACommand() {
        assertThat(CommandLine.parse("hello")).isEmpty();
        assertThat(CommandLine.parse("/")).isEmpty();
        assertThat(CommandLine.parse("/ spaced")).isEmpty();
        assertThat(CommandLine.parse("/path/to/file")).isEmpty();
        assertThat(CommandLine.parse("/" + "x".repeat(40))).isEmpty();
        assertThat(CommandLine.parse(null)).isEmpty();
    }
}
