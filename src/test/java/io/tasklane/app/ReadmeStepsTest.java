package io.tasklane.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadmeStepsTest {

    @Test
    void bashBlocksAreStepsAndAJsonBlockRightAfterOneIsItsAnswer() {
        ReadmeSteps readme = ReadmeSteps.parse("""
                Intro.

                ```sh
                ./mvnw spring-boot:run
                ```

                ```bash
                curl localhost:8080/a
                ```

                ```json
                {"status":409}
                ```

                ```bash
                curl localhost:8080/b
                ```
                Some text between.
                ```json
                {"shown":"not an answer: text came between"}
                ```
                """);

        assertThat(readme.steps()).hasSize(2);
        assertThat(readme.steps().get(0).script()).isEqualTo("curl localhost:8080/a\n");
        assertThat(readme.steps().get(0).line()).as("the line of its opening fence").isEqualTo(7);
        assertThat(readme.steps().get(0).expectedJson()).isEqualTo("{\"status\":409}\n");
        assertThat(readme.steps().get(0).expectsFailure()).isTrue();
        assertThat(readme.steps().get(1).expectedJson()).isNull();
        assertThat(readme.steps().get(1).expectsFailure()).isFalse();
    }
}
