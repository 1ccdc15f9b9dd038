package io.tasklane.preemption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tasklane.capacity.Allocation;
import io.tasklane.capacity.AllocationRepository;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.RunId;
import io.tasklane.task.RunRepository;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRepository;
import io.tasklane.task.TaskRun;
import org.springframework.stereotype.Component;

/** Gathers what the victim policy decides on (free slots, runs holding GPUs) and describes the victims it picks. */
@Component
class VictimPlanner {

    private final ClusterService clusters;
    private final AllocationRepository allocations;
    private final RunRepository runs;
    private final TaskRepository tasks;

    VictimPlanner(ClusterService clusters, AllocationRepository allocations, RunRepository runs, TaskRepository tasks) {
        this.clusters = clusters;
        this.allocations = allocations;
        this.runs = runs;
        this.tasks = tasks;
    }

    /**
     * What a force-start of the pinned run would kill now: victims described for people, or why it cannot.
     * Planned for the run's own size, which the dispatcher admits, not its task's configured one: a daily
     * window or a resize may have made them differ.
     */
    Planned plan(TaskRun pinned) {
        VirtualCluster cluster = clusters.find(pinned.cluster());
        Map<RunId, TaskRun> holding = new LinkedHashMap<>();
        List<RunningRun> running = new ArrayList<>();
        for (TaskRun run : runs.holdingGpus(pinned.cluster())) {
            Task task = tasks.findById(run.taskId()).orElseThrow();
            holding.put(run.id(), run);
            running.add(new RunningRun(run.id(), run.taskId(), run.state(), task.pinned(), run.priority(),
                    run.startedAt() != null ? run.startedAt() : run.admittedAt(), slotsByNode(run)));
        }
        VictimPlan plan = VictimPolicy.plan(pinned.groups(),
                clusters.snapshot(cluster, allocations.takenSlots(pinned.cluster())), running);
        if (plan instanceof VictimPlan.Impossible impossible) {
            return new Planned(List.of(), impossible.reason());
        }
        List<ForceStart.Victim> victims = ((VictimPlan.Kill) plan).victims().stream()
                .map(v -> describe(v, holding.get(v.runId()), cluster.sku().gpus())).toList();
        return new Planned(victims, null);
    }

    /** The victims to kill, or (when {@code impossible} is set) the reason no kill can fit the task. */
    record Planned(List<ForceStart.Victim> victims, String impossible) {
        boolean possible() {
            return impossible == null;
        }
    }

    private Map<String, List<Integer>> slotsByNode(TaskRun run) {
        Map<String, List<Integer>> slots = new LinkedHashMap<>();
        for (Allocation allocation : allocations.forRun(run.id())) {
            slots.computeIfAbsent(allocation.node(), n -> new ArrayList<>()).addAll(allocation.slots());
        }
        return slots;
    }

    private ForceStart.Victim describe(RunningRun victim, TaskRun run, int gpusPerSku) {
        Task task = tasks.findById(run.taskId()).orElseThrow();
        return new ForceStart.Victim(run.id(), run.taskId(), task.spec().name(), task.creator(), task.spec().project(),
                run.priority(), victim.skus(), victim.skus() * gpusPerSku, List.copyOf(victim.slotsByNode().keySet()),
                victim.since());
    }
}
