package io.tasklane.preemption;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.task.TaskState;

/**
 * A run holding GPUs on the cluster, as the victim policy sees it: what orders it as a victim
 * (priority, since when it runs) and which slots it would free on which node.
 */
public record RunningRun(RunId runId, TaskId taskId, TaskState state, boolean pinned, int priority, Instant since,
                         Map<String, List<Integer>> slotsByNode) {

    public RunningRun {
        slotsByNode = Map.copyOf(slotsByNode);
    }

    /** Only a run that holds GPUs for a live workload may be killed, and never the pinned one. */
    boolean eligible() {
        return (state == TaskState.RUNNING || state == TaskState.STARTING) && !pinned;
    }

    public int skus() {
        return slotsByNode.values().stream().mapToInt(List::size).sum();
    }
}
