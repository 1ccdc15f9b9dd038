package io.tasklane.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The runtimes by kind; a kind registered twice is a start-up error. */
@Component
public class RuntimeRegistry {

    private final Map<String, TaskRuntime> byKind;

    RuntimeRegistry(List<TaskRuntime> runtimes) {
        this.byKind = runtimes.stream().collect(Collectors.toMap(TaskRuntime::kind, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two runtimes of kind '" + a.kind() + "': " + a + " and " + b);
        }));
    }

    public TaskRuntime get(String kind) {
        TaskRuntime runtime = byKind.get(kind);
        if (runtime == null) {
            throw new IllegalStateException("no runtime of kind '" + kind + "'; known: " + byKind.keySet());
        }
        return runtime;
    }

    public Set<String> kinds() {
        return byKind.keySet();
    }
}
