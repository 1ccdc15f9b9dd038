package io.tasklane.preemption;

import java.util.Map;
import java.util.stream.Collectors;

import io.tasklane.common.RecordFields;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRun;

/**
 * What an admin reads to confirm a force-start: the pinned task, every run the plan kills, and for a
 * confirmation asked again, why ({@code planChange}).
 */
public record Confirmation(String taskName, String taskId, String owner, String project, String gpus, String victims,
                           int victimCount, String requestedBy, String planChange) {

    /** The GPUs shown are the pinned run's, which the victims make room for, not its task's configured size. */
    static Confirmation of(ForceStart start, Task pinned, TaskRun run, int gpusPerSku) {
        String victims = start.victims().isEmpty() ? "(none: the task fits without killing anything)"
                : start.victims().stream().map(Confirmation::line).collect(Collectors.joining("\n"));
        int skus = run.totalSkus();
        return new Confirmation(pinned.spec().name(), pinned.id().value(), pinned.creator(), pinned.spec().project(),
                skus * gpusPerSku + " GPU(s): " + run.sizeDescription(), victims, start.victims().size(), start.requestedBy(), askedAgainBecause(start));
    }

    /** Empty for the first confirmation; for one asked again, why (the outcome the confirmation left, "the plan changed: ..."). */
    private static String askedAgainBecause(ForceStart start) {
        return start.state() == ForceStart.State.AWAITING_CONFIRMATION && start.outcome() != null ? start.outcome() : "";
    }

    private static String line(ForceStart.Victim v) {
        return v.taskName() + " (" + v.taskId() + ") of " + v.owner() + ", project " + v.project() + ": " + v.gpus()
                + " GPU(s) on " + String.join(", ", v.nodes()) + ", priority " + v.priority() + ", running since "
                + (v.runningSince() == null ? "(starting)" : v.runningSince().toString());
    }

    /** The fields by the keys the confirmation form binds to (the component names). */
    public Map<String, Object> asMap() {
        return RecordFields.of(this);
    }
}
