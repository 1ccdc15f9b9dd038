package io.tasklane.web;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tasklane.common.ClusterName;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.queue.QueueService;
import io.tasklane.runtime.Deployments;
import io.tasklane.schedule.ScheduleService;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.schedule.ScheduleView;
import io.tasklane.security.Caller;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskSpec;
import io.tasklane.task.TaskState;
import io.tasklane.web.TaskRow.RowActions;
import io.tasklane.web.TaskRow.TaskSpecSummary;
import org.springframework.stereotype.Component;

/**
 * Turns tasks into rows for one caller. A page of rows reads its clusters, the caller's grants, its tasks' current
 * runs, schedules and queue places in one query each (per cluster for the places), not one per row.
 */
@Component
class TaskRows {

    private final RunService runs;
    private final ClusterService clusters;
    private final QueueService queues;
    private final ScheduleService schedules;
    private final Deployments deployments;
    private final QueueAdminActions adminActions;
    private final GpuTypeWords gpuTypes;

    TaskRows(RunService runs, ClusterService clusters, QueueService queues, ScheduleService schedules, Deployments deployments,
             QueueAdminActions adminActions, GpuTypeWords gpuTypes) {
        this.runs = runs;
        this.clusters = clusters;
        this.queues = queues;
        this.schedules = schedules;
        this.deployments = deployments;
        this.adminActions = adminActions;
        this.gpuTypes = gpuTypes;
    }

    /** The rows of a page: its tasks' current runs, schedules and queue places each read in one go. */
    List<TaskRow> of(Caller caller, List<Task> tasks) {
        PerCluster perCluster = new PerCluster(caller, tasks.stream().map(task -> new ClusterName(task.spec().cluster())).toList());
        Map<RunId, TaskRun> currentRuns = runs.findAll(tasks.stream().map(Task::currentRunId).filter(java.util.Objects::nonNull).toList());
        Map<TaskId, ScheduleView> schedulesOf = schedules.viewsOf(tasks.stream().map(Task::id).toList());
        Map<RunId, Integer> positions = positions(tasks);
        return tasks.stream().map(task -> row(caller, task, perCluster, Optional.ofNullable(task.currentRunId()).map(currentRuns::get),
                schedulesOf.get(task.id()), positions)).toList();
    }

    TaskRow of(Caller caller, Task task) {
        return of(caller, List.of(task)).get(0);
    }

    private Map<RunId, Integer> positions(List<Task> tasks) {
        Map<RunId, Integer> positions = new HashMap<>();
        tasks.stream().filter(task -> task.state() == TaskState.QUEUED && task.currentRunId() != null)
                .collect(java.util.stream.Collectors.groupingBy(task -> task.spec().cluster(),
                        java.util.stream.Collectors.mapping(Task::currentRunId, java.util.stream.Collectors.toList())))
                .forEach((cluster, runIds) -> positions.putAll(queues.positionsOf(new ClusterName(cluster), runIds)));
        return positions;
    }

    private TaskRow row(Caller caller, Task task, PerCluster perCluster, Optional<TaskRun> run, ScheduleView schedule,
                        Map<RunId, Integer> positions) {
        TaskSpec spec = task.spec();
        Optional<VirtualCluster> cluster = perCluster.cluster(spec.cluster());
        int gpusPerSku = cluster.map(c -> c.sku().gpus()).orElse(1);
        TaskSpecSummary summary = new TaskSpecSummary(spec.largestSkuPerReplica(), spec.replicaCount(), spec.totalSkus() * gpusPerSku,
                cluster.map(gpuTypes::of).orElse(null), spec.cluster());
        boolean scheduled = schedule.schedule().type() != ScheduleType.MANUAL;
        Optional<ZonedDateTime> fires = WhyWaitingPanel.nextFire(schedule);
        String nextFire = fires.map(ConsoleTimes::in).orElse(null);
        Integer position = task.state() == TaskState.QUEUED && task.currentRunId() != null ? positions.get(task.currentRunId()) : null;
        String endpoint = task.state() == TaskState.RUNNING ? run.map(TaskRun::endpoint).orElse(null) : null;
        // Only a running Ray Serve task has a dashboard; asking its runtime costs a status file read, not a query.
        boolean rayRunning = spec.ray() != null && task.state() == TaskState.RUNNING && run.isPresent();
        String dashboard = rayRunning ? deployments.dashboardOf(run.get()) : null;
        return new TaskRow(task.id().value(), spec.name(), spec.project(), spec.kind(), entryOf(spec), summary, endpoint,
                scheduled ? schedule.schedule().type().name() : null, nextFire, ConsoleTimes.utc(task.createdAt()),
                task.state(), run.map(TaskRun::reason).map(StoredTexts.RUN_REASONS::read).orElse(null), position, task.pinned(),
                task.archived(), actions(caller, task, perCluster), dashboard, rayRunning && dashboard == null, spec.hasRoles(),
                WhyWaitingPanel.waitsForSchedule(task, fires));
    }

    private static RowActions actions(Caller caller, Task task, PerCluster perCluster) {
        TaskState state = task.state();
        boolean queued = state == TaskState.QUEUED;
        // The Queue page's rule, so both pages offer the same; only a queued task's cluster queue is read.
        QueueAdminActions.Offered admin = QueueAdminActions.offered(caller, queued, task.pinned(),
                queued ? perCluster.queue(task.spec().cluster()) : QueueAdminActions.ClusterQueue.NOT_ADMIN);
        return new RowActions(
                TaskState.STARTABLE.contains(state) && !task.archived() && perCluster.granted(task.spec().cluster()),
                TaskState.STOPPABLE.contains(state),
                !state.isActive() && !task.archived(),
                task.archived(),
                !state.isActive(),
                admin.pin(),
                admin.unpin(),
                admin.forceStart());
    }

    /** A Ray Serve entry as its import path, a command as the command line. */
    static String entryOf(TaskSpec spec) {
        if (spec.ray() != null) {
            return spec.ray().importPath();
        }
        List<String> words = new java.util.ArrayList<>(spec.command() == null ? List.of() : spec.command());
        if (spec.args() != null) {
            words.addAll(spec.args());
        }
        return String.join(" ", words.stream().map(TaskRows::quotedIfNeeded).toList());
    }

    private static String quotedIfNeeded(String word) {
        return word.isEmpty() || word.chars().anyMatch(Character::isWhitespace) ? "'" + word + "'" : word;
    }

    /** What rows of one page share: their clusters, and the caller's grants read once. */
    private final class PerCluster {

        private final Caller caller;
        private final Map<ClusterName, VirtualCluster> clustersByName;
        private final Map<ClusterName, QueueAdminActions.ClusterQueue> queues = new HashMap<>();
        private java.util.function.Predicate<ClusterName> granted;

        PerCluster(Caller caller, List<ClusterName> names) {
            this.caller = caller;
            this.clustersByName = clusters.findAll(names);
        }

        /** The cluster, or empty if it was deleted since the task named it. */
        Optional<VirtualCluster> cluster(String name) {
            return Optional.ofNullable(clustersByName.get(new ClusterName(name)));
        }

        boolean granted(String name) {
            if (granted == null) {
                granted = clusters.grantedTo(caller);
            }
            return granted.test(new ClusterName(name));
        }

        /** What the admin actions of the cluster's queued tasks depend on, read once per cluster. */
        QueueAdminActions.ClusterQueue queue(String name) {
            return queues.computeIfAbsent(new ClusterName(name), cluster -> adminActions.of(caller, cluster));
        }
    }
}
