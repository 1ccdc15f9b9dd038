package io.tasklane.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.tasklane.capacity.Allocation;
import io.tasklane.capacity.AllocationRepository;
import io.tasklane.capacity.ClusterService;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.RunId;
import io.tasklane.task.RunRepository;
import io.tasklane.task.RunRoles;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskService;
import io.tasklane.task.TaskSpec;
import io.tasklane.task.TaskState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a run's replicas on its allocated nodes through the cluster's runtime, and takes them down.
 * Replicas launched in a transaction are only watched once it commits, and killed if it rolls back; if
 * Tasklane dies before either, the local runtime's orphan reaper ends them after the restart.
 */
@Service
public class Deployments {

    private final RunService runs;
    private final RunRepository runRepository;
    private final TaskService tasks;
    private final AllocationRepository allocations;
    private final ClusterService clusters;
    private final RuntimeRegistry runtimes;
    private final InstanceRepository instances;
    private final InstanceTracker tracker;
    private final Clock clock;
    private final Duration stopGracePeriod;

    Deployments(RunService runs, RunRepository runRepository, TaskService tasks, AllocationRepository allocations,
                ClusterService clusters, RuntimeRegistry runtimes, InstanceRepository instances, InstanceTracker tracker, Clock clock,
                @Value("${tasklane.runtime.local.stop-grace-period:10s}") Duration stopGracePeriod) {
        this.runs = runs;
        this.runRepository = runRepository;
        this.tasks = tasks;
        this.allocations = allocations;
        this.clusters = clusters;
        this.runtimes = runtimes;
        this.instances = instances;
        this.tracker = tracker;
        this.clock = clock;
        this.stopGracePeriod = stopGracePeriod;
    }

    /**
     * Launches every replica of the run on its allocation; throws {@link DeployFailedException} if the
     * task cannot run. That failure leaves nothing behind (what was launched is killed, nothing was
     * written), so it does not doom the caller's transaction: the process turns it into a BPMN error.
     * Returns whether every replica is up already (a job's host processes run once launched), so the
     * run's process need not wait to hear it.
     */
    @Transactional(noRollbackFor = DeployFailedException.class)
    public boolean deploy(RunId runId) {
        // Holds the run until this commits, so a stop is delivered before or after the deployment, never during.
        TaskRun run = runs.lockToMoveForward(runId);
        TaskSpec spec = tasks.specOf(run.taskId());
        List<Allocation> held = allocations.forRun(runId);
        if (held.size() != run.replicas()) {
            throw new IllegalStateException("run " + runId + " holds " + held.size() + " of its " + run.replicas() + " replica allocations");
        }
        List<ReplicaLaunch> replicas = held.stream().map(a -> new ReplicaLaunch(a.replicaIndex(), a.node(), a.gpus())).toList();
        int minReplicas = runRepository.minReplicasOf(runId).orElse(run.replicas());
        LaunchedRun launched = runtimeOf(run).launch(new LaunchRequest(runId, run.taskId(), spec, replicas,
                minReplicas, run.replicas(), run.roles()));
        AfterCommit.onRollback(launched::abort);
        for (LaunchedReplica replica : launched.replicas()) {
            instances.insertLaunched(runId, replicas.get(replica.index()), replica);
        }
        InstanceListener listener = tracker.listenerFor(run.kind());
        AfterCommit.run(() -> launched.arm(listener));
        boolean allUp = launched.replicas().stream().allMatch(replica -> replica.initialState().isUp(run.kind()));
        if (!allUp) {
            // The process waits for ReplicasReady; all up already, it goes on by itself (its gateway reads this result).
            tracker.notifyChanged(runId);
        }
        return allUp;
    }

    /**
     * Launches the replicas a grow added: those holding GPUs but not launched yet. Nothing to do if the
     * run is over, stopping, or has launched them all (the call is repeated safely).
     */
    @Transactional(noRollbackFor = DeployFailedException.class)
    public void deployAdded(RunId runId) {
        TaskRun run = runs.get(runId);
        if (run.isOver() || run.stopRequested() || run.state() == TaskState.STOPPING) {
            return;
        }
        Set<Integer> launchedAlready = instances.forRun(runId).stream().map(RunInstance::index)
                .collect(Collectors.toSet());
        List<ReplicaLaunch> added = allocations.forRun(runId).stream().filter(a -> !launchedAlready.contains(a.replicaIndex()))
                .map(a -> new ReplicaLaunch(a.replicaIndex(), a.node(), a.gpus())).toList();
        if (added.isEmpty() || launchedAlready.isEmpty()) {
            return; // nothing added, or not deployed yet: the first deployment launches every replica
        }
        LaunchedRun launched = runtimeOf(run).launch(new LaunchRequest(runId, run.taskId(),
                tasks.specOf(run.taskId()), added, runRepository.minReplicasOf(runId).orElse(run.replicas()), run.replicas()));
        AfterCommit.onRollback(launched::abort);
        for (LaunchedReplica replica : launched.replicas()) {
            added.stream().filter(r -> r.index() == replica.index()).findFirst()
                    .ifPresent(r -> instances.insertLaunched(runId, r, replica));
        }
        InstanceListener listener = tracker.listenerFor(run.kind());
        AfterCommit.run(() -> launched.arm(listener));
        applySize(runId); // a runtime with one application per run (Ray Serve) takes the new size as a whole
        tracker.notifyChanged(runId);
    }

    /**
     * Takes away the replicas from index {@code keep} on (a shrink). They are forgotten at once, so
     * their exit is no failure of the run, and stopped once this commits, outside every lock.
     */
    @Transactional
    public void removeReplicas(RunId runId, int keep) {
        TaskRun run = runs.get(runId);
        List<RunInstance> removed = instances.forRun(runId).stream().filter(i -> i.index() >= keep).toList();
        instances.deleteFrom(runId, keep);
        List<RunInstance> live = removed.stream().filter(i -> !i.state().isOver()).toList();
        if (!live.isEmpty()) {
            TaskRuntime runtime = runtimeOf(run);
            AfterCommit.run(() -> runtime.stop(runId, live, stopGracePeriod));
        }
    }

    /** Stops the run's live replicas (grace period, then forcibly) and records them as stopped. */
    @Transactional
    public void undeploy(RunId runId) {
        List<RunInstance> live = instances.forRun(runId).stream().filter(i -> !i.state().isOver()).toList();
        if (!live.isEmpty()) {
            runtimeOf(runs.get(runId)).stop(runId, live, stopGracePeriod);
            live.forEach(i -> instances.markEnded(runId, i.index(), InstanceState.STOPPED, null,
                    "stopped by Tasklane", clock.instant()));
        }
    }

    /** Where a service answers: what its runtime publishes, else replica 0's port on this host (local runtime). Null for a job. */
    public String endpointOf(RunId runId) {
        return endpointOf(runs.get(runId));
    }

    /** The endpoint of a service run (null for a job). */
    public String endpointOf(TaskRun run) {
        RunId runId = run.id();
        if (run.kind() != TaskKind.SERVICE) {
            return null;
        }
        java.util.Optional<String> published = runtimeOf(run).endpointOf(runId);
        if (published.isPresent()) {
            return published.get();
        }
        return instances.forRun(runId).stream().filter(i -> i.port() != null).findFirst()
                .map(i -> "http://" + hostName() + ":" + i.port() + "/").orElse(null);
    }

    /** The run's dashboard while it is deployed (a Ray Serve task's Ray dashboard on Kubernetes); null otherwise. */
    public String dashboardOf(RunId runId) {
        return dashboardOf(runs.get(runId));
    }

    /** The dashboard of a run already read; null unless it is deployed and its runtime has one. */
    public String dashboardOf(TaskRun run) {
        RunId runId = run.id();
        boolean deployed = run.state() == TaskState.STARTING || run.state() == TaskState.RUNNING;
        return deployed ? runtimeOf(run).dashboardOf(runId).orElse(null) : null;
    }

    /** Takes replicas launched before a restart back under watch; those that are gone are recorded as such. */
    public void recover(TaskRun run) {
        InstanceListener listener = tracker.listenerFor(run.kind());
        for (RunInstance instance : instances.forRun(run.id())) {
            if (!instance.state().isOver()) {
                runtimeOf(run).adopt(instance, run.kind() == TaskKind.SERVICE, listener);
            }
        }
        tracker.notifyChanged(run.id());
    }

    public List<RunInstance> instancesOf(RunId runId) {
        return instances.forRun(runId);
    }

    /** The run's replicas as people read them (role, rank, log, pod), filtered, sorted and paged by {@code query}. */
    public InstanceQuery.Page instanceViews(RunId runId, InstanceQuery query) {
        TaskRun run = runs.get(runId);
        TaskRuntime runtime = runtimeOf(run);
        List<InstanceView> views = instances.forRun(runId).stream().map(i -> {
            RunRoles.Slot slot = run.hasRoles() && i.index() < run.roles().replicas() ? run.roles().slotOf(i.index()) : null;
            java.util.Optional<TaskRuntime.PodOfReplica> pod = runtime.podOf(runId, i.index());
            return new InstanceView(i.index(), slot == null ? null : slot.role(), slot == null ? null : slot.roleIndex(),
                    slot == null ? null : slot.rank(), i.node(), i.gpus(), i.state(), i.pid(), i.port(), i.launchedAt(),
                    i.readyAt(), i.finishedAt(), i.exitCode(), i.message(),
                    "/api/v1/runs/" + runId + "/instances/" + i.index() + "/logs",
                    pod.map(TaskRuntime.PodOfReplica::pod).orElse(null), pod.map(TaskRuntime.PodOfReplica::container).orElse(null));
        }).toList();
        return query.apply(views);
    }

    /** Replica {@code index} of the run; 404 when the run has no such replica. */
    public RunInstance instanceOf(RunId runId, int index) {
        return instances.forRun(runId).stream().filter(i -> i.index() == index).findFirst()
                .orElseThrow(() -> new NotFoundException("instance", runId.value() + "/" + index));
    }

    /** The log file of replica {@code index} of the run; 404 when there is no such replica or it has no log. */
    public java.nio.file.Path logFileOf(RunId runId, int index) {
        return logFile(runId, instanceOf(runId, index))
                .orElseThrow(() -> new NotFoundException("log of instance", runId.value() + "/" + index));
    }

    public java.util.Optional<java.nio.file.Path> logFile(RunId runId, RunInstance instance) {
        return runtimeOf(runs.get(runId)).logFile(instance);
    }

    /** Whether the run's runtime can add or stop replicas of the run while it is deployed. */
    public boolean canResize(RunId runId) {
        TaskRun run = runs.get(runId);
        return runtimeOf(run).resizesRunningRun(runId, tasks.specOf(run.taskId()));
    }

    /**
     * Has the run's runtime apply the run's size and range as they are now (after a shrink, or a changed
     * lower bound) once this commits: a Ray Serve application gets its new replicas or autoscaling range.
     */
    @Transactional
    public void applySize(RunId runId) {
        TaskRun run = runs.get(runId);
        if (run.isOver() || run.state() != TaskState.RUNNING && run.state() != TaskState.STARTING) {
            return;
        }
        List<ReplicaLaunch> replicas = allocations.forRun(runId).stream()
                .map(a -> new ReplicaLaunch(a.replicaIndex(), a.node(), a.gpus())).toList();
        LaunchRequest request = new LaunchRequest(runId, run.taskId(), tasks.specOf(run.taskId()), replicas,
                runRepository.minReplicasOf(runId).orElse(run.replicas()), run.replicas());
        TaskRuntime runtime = runtimeOf(run);
        AfterCommit.run(() -> runtime.resize(request));
    }

    /**
     * The run's replicas counted apart (serving, starting, wanted): Serve's own counts for a Ray Serve run,
     * else from its instances. Null while nothing is deployed.
     */
    public ReplicaCounts replicaCountsOf(TaskRun run) {
        if (run.state() != TaskState.STARTING && run.state() != TaskState.RUNNING) {
            return null;
        }
        return runtimeOf(run).replicaCountsOf(run.id()).orElseGet(() -> {
            List<RunInstance> all = instances.forRun(run.id());
            int current = (int) all.stream().filter(i -> i.state() == InstanceState.READY
                    || run.kind() == TaskKind.JOB && i.state() == InstanceState.STARTED).count();
            int starting = (int) all.stream().filter(i -> i.state() == InstanceState.PENDING
                    || run.kind() == TaskKind.SERVICE && i.state() == InstanceState.STARTED).count();
            return new ReplicaCounts(current, starting, run.replicas());
        });
    }

    private TaskRuntime runtimeOf(TaskRun run) {
        return runtimes.get(clusters.runtimeOf(run.cluster()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
