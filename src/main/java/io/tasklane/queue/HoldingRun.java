package io.tasklane.queue;

import java.time.Instant;
import java.util.List;

import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.task.TaskState;

/**
 * A run holding GPUs on a cluster, as the queue page shows it beside the waiting ones: its task, owner (the task's
 * creator), state, the SKUs it holds on which nodes, and since when (started, or admitted while it starts). The
 * task's name, project and owner are null for a caller who may not see that project.
 */
public record HoldingRun(RunId runId, TaskId taskId, String taskName, String project, String owner, TaskState state,
                         int skus, List<String> nodes, Instant since) {

    public HoldingRun {
        nodes = List.copyOf(nodes);
    }

    HoldingRun hidingTask() {
        return new HoldingRun(runId, taskId, null, null, null, state, skus, nodes, since);
    }
}
