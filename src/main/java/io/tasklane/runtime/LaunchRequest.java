package io.tasklane.runtime;

import java.util.List;

import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.task.RunRoles;
import io.tasklane.task.TaskSpec;

/**
 * Everything a runtime needs to launch a run's replicas. {@code minReplicas} and {@code maxReplicas} are
 * the run's replica range (a daily schedule's window): a runtime with an autoscaler (a Ray Serve
 * deployment on KubeRay) takes them as its autoscaling bounds; one without runs {@code maxReplicas},
 * which is what GPUs are reserved for. {@code replicas} may be only some of them (those a grow adds).
 * {@code roles} is the layout of a distributed run (null for a task without roles): a replica's index is
 * its global rank, and every replica is launched at once (such a run is never resized).
 */
public record LaunchRequest(RunId runId, TaskId taskId, TaskSpec spec, List<ReplicaLaunch> replicas, int minReplicas,
                            int maxReplicas, RunRoles roles) {

    /** A run without roles, of a replica range. */
    public LaunchRequest(RunId runId, TaskId taskId, TaskSpec spec, List<ReplicaLaunch> replicas, int minReplicas,
                         int maxReplicas) {
        this(runId, taskId, spec, replicas, minReplicas, maxReplicas, null);
    }

    /** A run of the task's own fixed size. */
    public LaunchRequest(RunId runId, TaskId taskId, TaskSpec spec, List<ReplicaLaunch> replicas) {
        this(runId, taskId, spec, replicas, replicas.size(), replicas.size());
    }

    /** What replica {@code index} runs: the task, with its role's command and env for a distributed run. */
    public TaskSpec specOf(int index) {
        return roles == null ? spec : spec.forRole(roles.slotOf(index).role());
    }

    /** Its role, role index and rank; null for a task without roles. */
    public RunRoles.Slot slotOf(int index) {
        return roles == null ? null : roles.slotOf(index);
    }
}
