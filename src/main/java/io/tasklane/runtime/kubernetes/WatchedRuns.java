package io.tasklane.runtime.kubernetes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The runs this Tasklane reports on: armed after their launch committed, or adopted after a restart. */
@Component
class WatchedRuns {

    private final Map<String, WatchedRun> byRun = new ConcurrentHashMap<>();

    /** The run's entry, created by {@code create} if it is not watched yet. */
    WatchedRun watch(String runId, java.util.function.Supplier<WatchedRun> create) {
        return byRun.computeIfAbsent(runId, id -> create.get());
    }

    Optional<WatchedRun> get(String runId) {
        return Optional.ofNullable(byRun.get(runId));
    }

    boolean isWatched(String runId) {
        return byRun.containsKey(runId);
    }

    Optional<WatchedRun> forget(String runId) {
        return Optional.ofNullable(byRun.remove(runId));
    }

    Collection<WatchedRun> all() {
        return List.copyOf(byRun.values());
    }
}
