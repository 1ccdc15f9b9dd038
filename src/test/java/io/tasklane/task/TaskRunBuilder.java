package io.tasklane.task;

import java.time.Instant;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;

/** Test data: run r1 of task t1, a one-replica JOB on cluster "local" that alice started and that waits in the queue. */
public final class TaskRunBuilder {

    private RunId id = new RunId("r1");
    private TaskId taskId = new TaskId("t1");
    private ClusterName cluster = new ClusterName("local");
    private TaskKind kind = TaskKind.JOB;
    private int replicas = 1;
    private int skuPerReplica = 1;
    private int priority = 0;
    private TaskState state = TaskState.QUEUED;
    private String reason;
    private String requestedBy = "alice";
    private String processInstanceId = "pi";
    private Instant queuedAt = Instant.EPOCH;
    private Instant admittedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant deadlineAt;
    private String endpoint;
    private Instant stopRequestedAt;
    private RunRoles roles;

    public static TaskRunBuilder aRun() {
        return new TaskRunBuilder();
    }

    public TaskRunBuilder id(String value) { id = new RunId(value); return this; }
    public TaskRunBuilder taskId(String value) { taskId = new TaskId(value); return this; }
    public TaskRunBuilder cluster(String value) { cluster = new ClusterName(value); return this; }
    public TaskRunBuilder kind(TaskKind value) { kind = value; return this; }
    /** A distributed run of these roles (in rank order); replicas and skuPerReplica follow from them. */
    public TaskRunBuilder roles(Framework framework, SuccessPolicy policy, RunRoles.Role... values) {
        roles = new RunRoles(java.util.List.of(values), framework, policy);
        replicas = roles.replicas();
        skuPerReplica = java.util.Arrays.stream(values).mapToInt(RunRoles.Role::skuPerReplica).max().orElse(1);
        return this;
    }
    public TaskRunBuilder replicas(int value) { replicas = value; return this; }
    public TaskRunBuilder skuPerReplica(int value) { skuPerReplica = value; return this; }
    public TaskRunBuilder priority(int value) { priority = value; return this; }
    public TaskRunBuilder state(TaskState value) { state = value; return this; }
    public TaskRunBuilder reason(String value) { reason = value; return this; }
    public TaskRunBuilder requestedBy(String value) { requestedBy = value; return this; }
    public TaskRunBuilder processInstanceId(String value) { processInstanceId = value; return this; }
    public TaskRunBuilder queuedAt(Instant value) { queuedAt = value; return this; }
    public TaskRunBuilder admittedAt(Instant value) { admittedAt = value; return this; }
    public TaskRunBuilder startedAt(Instant value) { startedAt = value; return this; }
    public TaskRunBuilder finishedAt(Instant value) { finishedAt = value; return this; }
    public TaskRunBuilder deadlineAt(Instant value) { deadlineAt = value; return this; }
    public TaskRunBuilder endpoint(String value) { endpoint = value; return this; }
    public TaskRunBuilder stopRequestedAt(Instant value) { stopRequestedAt = value; return this; }

    public TaskRun build() {
        return new TaskRun(id, taskId, cluster, kind, replicas, skuPerReplica, priority, state, reason, requestedBy,
                processInstanceId, queuedAt, admittedAt, startedAt, finishedAt, deadlineAt, endpoint, stopRequestedAt, roles);
    }
}
