package io.tasklane.task;

import java.util.Collection;
import java.util.Map;

/** How many tasks a list holds in each state (archived ones apart, whatever their state). */
public record TaskCounts(Map<TaskState, Long> byState, long archived) {

    public TaskCounts {
        byState = Map.copyOf(byState);
    }

    /** Tasks not archived in any of {@code states}; every one not archived when {@code states} is empty. */
    public long inStates(Collection<TaskState> states) {
        return byState.entrySet().stream().filter(e -> states.isEmpty() || states.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
