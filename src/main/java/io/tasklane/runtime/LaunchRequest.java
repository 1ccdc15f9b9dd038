package io.tasklane.runtime;

import java.util.List;

import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.task.TaskSpec;

/**
 * Everything a runtime needs to launch a run's replicas. {@code minReplicas} and {@code maxReplicas} are
 * the run's replica range (a daily schedule's window): a runtime with an autoscaler (a Ray Serve
 * deployment on KubeRay) takes them as its autoscaling bounds; one without runs {@code maxReplicas},
 * which is what GPUs are reserved for. {@code replicas} may be only some of them (those a grow adds).
 */
public record LaunchRequest(RunId runId, TaskId taskId, TaskSpec spec, List<ReplicaLaunch> replicas, int minReplicas,
                            int maxReplicas) {

    /** A run of the task's own fixed size. */
    public LaunchRequest(RunId runId, TaskId taskId, TaskSpec spec, List<ReplicaLaunch> replicas) {
        this(runId, taskId, spec, replicas, replicas.size(), replicas.size());
    }
}
