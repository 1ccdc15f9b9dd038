package io.tasklane.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
 * {@code ./mvnw test -Dtest=ModuleStructureTest -Dmodules.docs.write=true}. Spring Modulith writes the relations
 * of a diagram and the items of a canvas's lists in an order that changes from one run to the next, so the
 * documentation is compared in one order of those.
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
        assertThat(inOneOrder(filesIn(COMMITTED)))
                .as("docs/modules is out of date; write it again: ./mvnw test -Dtest=ModuleStructureTest -Dmodules.docs.write=true")
                .isEqualTo(inOneOrder(generated));
    }

    private static Map<String, String> inOneOrder(Map<String, String> files) {
        Map<String, String> ordered = new TreeMap<>();
        files.forEach((name, text) -> ordered.put(name, inOneOrder(text)));
        return ordered;
    }

    /** The text with each run of PlantUML components or relations, and each list (an item with its sub-items), sorted. */
    static String inOneOrder(String text) {
        List<String> lines = new ArrayList<>();
        List<List<String>> items = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("|* ")) { // an AsciiDoc table cell that starts with a list
                flush(items, lines);
                lines.add("|");
                line = line.substring(1);
            }
            if (line.startsWith("** ") && !items.isEmpty()) {
                items.get(items.size() - 1).add(line);
            } else if (kind(line) != null) {
                if (!items.isEmpty() && !kind(line).equals(kind(items.get(0).get(0)))) {
                    flush(items, lines);
                }
                items.add(new ArrayList<>(List.of(line)));
            } else {
                flush(items, lines);
                lines.add(line);
            }
        }
        flush(items, lines);
        return String.join("\n", lines);
    }

    /** What a line is, if it is one of lines whose order means nothing: a component, a relation, a list item. */
    private static String kind(String line) {
        return Stream.of("Component(", "Rel(", "* ").filter(line.stripLeading()::startsWith).findFirst().orElse(null);
    }

    private static void flush(List<List<String>> items, List<String> lines) {
        items.stream().map(item -> Stream.concat(Stream.of(item.get(0)), item.stream().skip(1).sorted())
                .collect(Collectors.joining("\n"))).sorted().forEach(lines::add);
        items.clear();
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
