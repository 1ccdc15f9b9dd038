package io.tasklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tasklane.task.TaskState;
import org.junit.jupiter.api.Test;

/** Every label exists in every language, and every key a template names exists. */
class ConsoleMessagesTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

    @Test
    void theThreeBundlesHaveTheSameKeys() throws IOException {
        Set<String> english = keys("messages.properties");
        assertThat(keys("messages_zh_CN.properties")).isEqualTo(english);
        assertThat(keys("messages_zh_TW.properties")).isEqualTo(english);
    }

    @Test
    void everyStateHasALabelAndTheChineseOnesFollowTheDesign() throws IOException {
        Properties simplified = load("messages_zh_CN.properties");
        for (TaskState state : TaskState.values()) {
            assertThat(load("messages.properties")).containsKey("state." + state);
        }
        assertThat(simplified.getProperty("state.QUEUED")).isEqualTo("排队中");
        assertThat(simplified.getProperty("state.RUNNING")).isEqualTo("运行中");
        assertThat(simplified.getProperty("state.CREATED")).isEqualTo("未部署");
    }

    @Test
    void everyLiteralKeyInTheTemplatesIsInTheBundles() throws IOException {
        Set<String> english = keys("messages.properties");
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = literalKey.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(english).containsAll(used);
    }

    private static Set<String> keys(String bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream("/" + bundle)) {
            assertThat(in).as(bundle).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
