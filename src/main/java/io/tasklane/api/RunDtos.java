package io.tasklane.api;

import java.time.Instant;
import java.util.List;

import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.InstanceView;
import io.tasklane.runtime.ReplicaCounts;
import io.tasklane.runtime.RunInstance;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskState;

/** Response bodies for runs and their instances. */
final class RunDtos {

    private RunDtos() {
    }

    record RunResponse(String id, String taskId, String cluster, TaskKind kind, TaskState state, String reason,
                       int replicas, int skuPerReplica, String requestedBy, Instant queuedAt, Instant admittedAt,
                       Instant startedAt, Instant finishedAt, Instant deadlineAt, String endpoint, String processInstanceId,
                       String dashboard, ReplicaCounts replicaCounts, Instant expectedStartAt,
                       io.tasklane.queue.StartEstimate.Basis estimateBasis, io.tasklane.queue.StartEstimate.Unknown estimateUnknownReason,
                       Integer estimateRunsEnding) {

        static RunResponse of(TaskRun run) {
            return of(run, null, null, EstimateFields.NONE);
        }

        /**
         * With the run's dashboard link, where its runtime has one (the Ray dashboard), its replicas counted apart
         * (serving, starting, wanted) while it is deployed, and its expected start while it waits.
         */
        static RunResponse of(TaskRun run, String dashboard, ReplicaCounts replicaCounts, EstimateFields estimate) {
            return new RunResponse(run.id().value(), run.taskId().value(), run.cluster().value(), run.kind(), run.state(),
                    run.reason(), run.replicas(), run.skuPerReplica(), run.requestedBy(), run.queuedAt(),
                    run.admittedAt(), run.startedAt(), run.finishedAt(), run.deadlineAt(), run.endpoint(),
                    run.processInstanceId(), dashboard, replicaCounts, estimate.expectedStartAt(), estimate.basis(),
                    estimate.unknownReason(), estimate.runsEnding());
        }
    }

    record InstanceResponse(int index, String role, Integer roleIndex, Integer rank, String node, List<Integer> gpus,
                            InstanceState state, Long pid, Integer port, Instant launchedAt, Instant readyAt,
                            Instant finishedAt, Integer exitCode, String message, String logUrl, String pod, String container) {

        static InstanceResponse of(InstanceView i) {
            return new InstanceResponse(i.index(), i.role(), i.roleIndex(), i.rank(), i.node(), i.gpus(), i.state(), i.pid(),
                    i.port(), i.launchedAt(), i.readyAt(), i.finishedAt(), i.exitCode(), i.message(), i.logUrl(), i.pod(),
                    i.container());
        }
    }
}
