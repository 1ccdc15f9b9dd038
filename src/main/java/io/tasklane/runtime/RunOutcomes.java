package io.tasklane.runtime;

import java.util.Comparator;
import java.util.List;

import io.tasklane.task.RunRoles;
import io.tasklane.task.SuccessPolicy;
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
            case "Completed" -> completed(run);
            case "ReplicaFailed" -> "ReplicaFailed: " + firstFailure(run);
            case "StartupTimeout" -> "StartupTimeout: the replicas were not ready within " + detail;
            case "DeadlineExceeded" -> "DeadlineExceeded: still running at the active deadline " + run.deadlineAt();
            default -> detail == null ? code : code + ": " + detail;
        };
    }

    private static String completed(TaskRun run) {
        if (run.hasRoles() && run.roles().successPolicy() == SuccessPolicy.CHIEF) {
            return "Completed: the " + run.roles().chief().replicas() + " replica(s) of chief role " + run.roles().chief().name()
                    + " exited with code 0; the other replicas were stopped";
        }
        return "Completed: all " + run.replicas() + " replica(s) exited with code 0";
    }

    /** The earliest failure: "replica 1 on node n: exited with code 3", with role and role index for a run of roles. */
    private String firstFailure(TaskRun run) {
        List<RunInstance> all = instances.forRun(run.id());
        return all.stream().filter(i -> i.state() == InstanceState.FAILED || i.state() == InstanceState.LOST)
                .min(Comparator.comparing(RunInstance::finishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RunInstance::index))
                .map(i -> describeReplica(run, i.index()) + " on node " + i.node() + ": " + i.message())
                .orElse("a replica failed");
    }

    /** "replica 2", or for a run of roles "role worker index 1 (replica 2)". */
    public static String describeReplica(TaskRun run, int index) {
        if (!run.hasRoles()) {
            return "replica " + index;
        }
        RunRoles.Slot slot = run.roles().slotOf(index);
        return "role " + slot.role() + " index " + slot.roleIndex() + " (replica " + index + ")";
    }
}
