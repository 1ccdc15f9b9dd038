package io.tasklane.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples run as written: the embedded default in a JVM of its own, and every {@code bash}
 * block of the README in order, in one shell, with only the port changed. A step fails when a command
 * fails (a {@code curl} answered with an error the README does not show, or any other command exiting
 * non-zero) or when its last answer no longer has the shape and key values of the {@code json} block the
 * README shows after it. Then a README broken on purpose, against the same Tasklane, must fail each way.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("README.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    @TempDir
    Path work;
    ChildTasklane tasklane;

    @AfterEach
    void stop() throws InterruptedException {
        if (tasklane != null) {
            tasklane.stop();
        }
    }

    @Test
    void theReadmeExamplesRunAsWrittenAndABrokenExampleFails() throws Exception {
        ReadmeSteps readme = ReadmeSteps.parse(Files.readString(README));
        assertThat(readme.steps()).as("bash blocks in the README").hasSizeGreaterThan(20);
        assertThat(readme.steps().stream().filter(s -> s.expectedJson() != null)).as("answers the README shows").hasSizeGreaterThan(15);
        tasklane = new ChildTasklane(dataDir);
        tasklane.start("readme.log");

        List<String> problems = run(readme, work.resolve("readme"));
        assertThat(problems).as("what the README's examples did (Tasklane's log: %s)", dataDir).isEmpty();

        assertThat(runBroken("renamed-field", "curl -u alice:alice localhost:8080/api/v1/clusters/local", "{\"name\":\"local\",\"totalGpus\":4}"))
                .as("a field the README shows is gone").isNotEmpty();
        assertThat(runBroken("error-not-shown", "curl -u alice:alice localhost:8080/api/v1/tasks/t-no-such-task", "{\"name\":\"x\"}"))
                .as("an answer is an error the README does not show").isNotEmpty();
        assertThat(runBroken("other-status", "curl -u alice:alice localhost:8080/api/v1/tasks/t-no-such-task", "{\"status\":409}"))
                .as("an error with another status than the README shows").isNotEmpty();
        assertThat(runBroken("command-fails", "ls /no/such/directory\ncurl -u alice:alice localhost:8080/api/v1/clusters", null))
                .as("a command that is not curl fails").isNotEmpty();
    }

    /** A README of one bash block (and the answer it shows, if any), run against the same Tasklane. */
    private List<String> runBroken(String name, String bash, String shownJson) throws Exception {
        String markdown = "```bash\n" + bash + "\n```\n" + (shownJson == null ? "" : "```json\n" + shownJson + "\n```\n");
        return run(ReadmeSteps.parse(markdown), work.resolve(name));
    }

    /** Runs the steps in a fresh directory; what went wrong, empty when every step did what the README says. */
    private List<String> run(ReadmeSteps readme, Path dir) throws Exception {
        Path calls = Files.createDirectories(dir.resolve("calls"));
        Path shell = Files.createDirectories(dir.resolve("shell"));
        Path script = dir.resolve("readme.sh");
        Path output = dir.resolve("output.txt");
        Files.writeString(script, ReadmeScript.of(readme, tasklane.port));
        Process bash = new ProcessBuilder("bash", script.toString()).directory(shell.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        bash.getOutputStream().close();
        boolean ended = bash.waitFor(6, TimeUnit.MINUTES);
        if (!ended) {
            bash.destroyForcibly();
        }
        int reached = Files.exists(calls.resolve("step")) ? Integer.parseInt(Files.readString(calls.resolve("step")).trim()) : 0;
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < readme.steps().size() && k <= reached; k++) {
            problems.addAll(check(k, readme.steps().get(k), calls));
        }
        if (!ended || bash.exitValue() != 0 || reached < readme.steps().size() - 1) {
            ReadmeSteps.Step step = readme.steps().get(Math.min(reached, readme.steps().size() - 1));
            problems.add("the block at README line " + step.line() + (ended ? " failed (exit " + bash.exitValue() + ")" : " timed out")
                    + ":\n" + step.script() + "--- shell output (end):\n" + tail(Files.readString(output), 3000));
        }
        return problems;
    }

    /** The calls of step {@code k}: all succeeded but an expected failing last one, whose answer matches. */
    private static List<String> check(int k, ReadmeSteps.Step step, Path calls) throws Exception {
        List<String> problems = new ArrayList<>();
        Path rcFile = calls.resolve("step-" + k + ".rc");
        List<String> rcs = Files.exists(rcFile) ? Files.readAllLines(rcFile) : List.of();
        for (int i = 0; i < rcs.size(); i++) {
            boolean last = i == rcs.size() - 1;
            String expected = last && step.expectsFailure() ? "22" : "0";
            if (!rcs.get(i).equals(expected)) {
                problems.add("README line " + step.line() + ": curl call " + (i + 1) + " exited " + rcs.get(i) + ", expected "
                        + expected + " (22 is an HTTP error): " + Files.readString(calls.resolve("step-" + k + ".call-" + (i + 1))));
            }
        }
        if (step.expectedJson() == null) {
            return problems;
        }
        if (rcs.isEmpty()) {
            problems.add("README line " + step.line() + ": the README shows an answer, but the block made no curl call");
            return problems;
        }
        String answer = Files.readString(calls.resolve("step-" + k + ".call-" + rcs.size()));
        JsonNode actual;
        try {
            actual = JSON.readTree(answer);
        } catch (Exception notJson) {
            problems.add("README line " + step.line() + ": the answer is not JSON: " + answer);
            return problems;
        }
        List<String> mismatches = JsonShape.mismatches(JSON.readTree(step.expectedJson()), actual);
        if (!mismatches.isEmpty()) {
            problems.add("README line " + step.line() + ": the answer differs from the README's:\n  "
                    + String.join("\n  ", mismatches) + "\n  answer: " + answer);
        }
        return problems;
    }

    private static String tail(String text, int length) {
        return text.length() <= length ? text : text.substring(text.length() - length);
    }
}
