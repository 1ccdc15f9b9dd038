package io.tasklane.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.tasklane.TasklaneApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules (top-level packages under io.tasklane) depend on each other without cycles and only through
 * each other's public types in their base package; sub-packages (runtime/local, runtime/kubernetes...) are
 * their module's own. The module documentation in docs/modules is what Spring Modulith generates from the
 * code as it is: a change of structure fails here until the documentation is written again with
 * {@code ./mvnw test -Dtest=ModuleStructureTest -Dmodules.docs.write=true}.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TasklaneApplication.class);
    static final Path COMMITTED = Path.of("docs", "modules");
    static final Path GENERATED = Path.of("target", "spring-modulith-docs");

    @Test
    void modulesHaveNoCyclesAndUseEachOtherOnlyThroughTheirInterfaces() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationInDocsIsCurrent() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> generated = filesIn(GENERATED);
        assertThat(generated).isNotEmpty().containsKey("components.puml");
        if (Boolean.getBoolean("modules.docs.write")) {
            writeCommitted(generated);
        }
        assertThat(linesOf(filesIn(COMMITTED)))
                .as("docs/modules is out of date; write it again: ./mvnw test -Dtest=ModuleStructureTest -Dmodules.docs.write=true")
                .isEqualTo(linesOf(generated));
    }

    private static void writeCommitted(Map<String, String> generated) throws IOException {
        if (Files.isDirectory(COMMITTED)) {
            try (Stream<Path> old = Files.list(COMMITTED)) {
                old.forEach(file -> {
                    try {
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        Files.createDirectories(COMMITTED);
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue());
        }
    }

    /**
     * Each file's lines, sorted: the Documenter writes the same relationships and event lists in an order that
     * changes from one JVM run to the next (seen once the web module was added), so only what is written counts.
     */
    private static Map<String, List<String>> linesOf(Map<String, String> files) {
        Map<String, List<String>> lines = new TreeMap<>();
        files.forEach((name, text) -> lines.put(name, text.lines().sorted().toList()));
        return lines;
    }

    private static Map<String, String> filesIn(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> all = Files.list(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file).replace("\r\n", "\n"));
            }
        }
        return files;
    }
}
