package io.tasklane.runtime;

import java.util.List;

import io.tasklane.common.RunId;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskState;
import org.springframework.stereotype.Component;

/** Turns how a run ended into the reason people read: the code first, then the particulars. */
@Component
public class RunOutcomes {

    private final InstanceRepository instances;

    RunOutcomes(InstanceRepository instances) {
        this.instances = instances;
    }

    /**
     * The reason {@code run} ends in {@code state}: a stop or kill keeps the reason it was asked with
     * ("stopped by alice"); any other end is described from its code and the replicas.
     */
    public String reasonFor(TaskRun run, TaskState state, String code, String detail) {
        if (state == TaskState.STOPPED || state == TaskState.KILLED) {
            return run.reason() != null ? run.reason() : state.name().toLowerCase();
        }
        return describe(run, code, detail);
    }

    /** The reason for ending {@code run} with {@code code} ("Completed", "ReplicaFailed", ...). */
    public String describe(TaskRun run, String code, String detail) {
        return switch (code) {
            case "Completed" -> "Completed: all " + run.replicas() + " replica(s) exited with code 0";
            case "ReplicaFailed" -> "ReplicaFailed: " + firstFailure(run.id());
            case "StartupTimeout" -> "StartupTimeout: the replicas were not ready within " + detail;
            case "DeadlineExceeded" -> "DeadlineExceeded: still running at the active deadline " + run.deadlineAt();
            default -> detail == null ? code : code + ": " + detail;
        };
    }

    private String firstFailure(RunId runId) {
        List<RunInstance> all = instances.forRun(runId);
        return all.stream().filter(i -> i.state() == InstanceState.FAILED || i.state() == InstanceState.LOST).findFirst()
                .map(i -> "replica " + i.index() + " on node " + i.node() + ": " + i.message())
                .orElse("a replica failed");
    }
}
