package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void wordsSplitAtSpacesAndQuotesKeepThemTogether() {
        assertThat(CommandLine.split("sh -c 'echo hello; sleep 1'")).contains(List.of("sh", "-c", "echo hello; sleep 1"));
        assertThat(CommandLine.split("  python   -m  http.server ")).contains(List.of("python", "-m", "http.server"));
        assertThat(CommandLine.split("echo \"a \\\"b\\\" c\" d\\ e")).contains(List.of("echo", "a \"b\" c", "d e"));
        assertThat(CommandLine.split("printf '' x")).contains(List.of("printf", "", "x"));
        assertThat(CommandLine.split("")).contains(List.of());
    }

    @Test
    void aQuoteLeftOpenIsNoCommand() {
        assertThat(CommandLine.split("sh -c 'echo hello")).isEmpty();
        assertThat(CommandLine.split("echo \"x")).isEmpty();
    }

    @Test
    void joinedWordsSplitBackIntoTheSameWords() {
        List<List<String>> commands = List.of(
                List.of("sh", "-c", "echo hello; sleep 1"),
                List.of("python", "-c", "print('it''s')"),
                List.of("printf", "", "a\\b", "say \"hi\"", "tab\there"),
                List.of("plain", "words"),
                List.of("say", "it's \"quoted\""));
        for (List<String> words : commands) {
            assertThat(CommandLine.split(CommandLine.join(words))).as(CommandLine.join(words)).contains(words);
        }
        assertThat(CommandLine.join(List.of("sh", "-c", "echo hello; sleep 1"))).isEqualTo("sh -c 'echo hello; sleep 1'");
        assertThat(CommandLine.join(List.of("python", "-c", "print('hi there')"))).isEqualTo("python -c \"print('hi there')\"");
    }
}
