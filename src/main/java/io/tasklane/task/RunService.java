package io.tasklane.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.tasklane.capacity.ClusterService;
import io.tasklane.common.ConflictException;
import io.tasklane.common.ForbiddenException;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of runs: open (start), move through the states, finish. Each change updates the run,
 * mirrors its state on the task and appends to the task's history in one transaction.
 */
@Service
public class RunService {


    private final TaskRepository tasks;
    private final RunRepository runs;
    private final TaskEventLog events;
    private final ProjectService projects;
    private final ClusterService clusters;
    private final StartGuards guards;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    RunService(TaskRepository tasks, RunRepository runs, TaskEventLog events, ProjectService projects, ClusterService clusters,
               StartGuards guards, ApplicationEventPublisher publisher, Clock clock) {
        this.tasks = tasks;
        this.runs = runs;
        this.events = events;
        this.projects = projects;
        this.clusters = clusters;
        this.guards = guards;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Starts a task: opens a run and starts its process. 403 unless the task's cluster is granted to the caller;
     * 409 unless the task's state allows a start.
     */
    @Transactional
    public TaskRun start(Caller caller, TaskId taskId) {
        return start(caller, taskId, null);
    }

    /** A start with {@code replicas} instead of the task's own count (a daily schedule's window); null: the task's. */
    @Transactional
    public TaskRun start(Caller caller, TaskId taskId, Integer replicas) {
        TaskRun run = open(caller, taskId, replicas);
        publisher.publishEvent(new RunStarted(run.id(), taskId)); // the workflow starts its process, in this transaction
        return runs.findById(run.id()).orElseThrow();
    }

    /**
     * Opens a run of the task, QUEUED, in the caller's transaction; used by {@link #start} and by the
     * process itself when an integrator starts it over Camunda's REST API with only a task id. A refusal
     * writes nothing, so it leaves the caller's transaction usable (the process records the refusal).
     */
    @Transactional(noRollbackFor = {NotFoundException.class, ConflictException.class, ForbiddenException.class,
            InvalidInputException.class})
    public TaskRun open(Caller caller, TaskId taskId) {
        return open(caller, taskId, null);
    }

    private TaskRun open(Caller caller, TaskId taskId, Integer replicas) {
        Task task = lockForCaller(caller, taskId);
        // Seeing a teammate's task is not the right to run it: its cluster must be granted to the caller too.
        clusters.requireGranted(caller, task.cluster(), "cluster");
        if (!TaskState.STARTABLE.contains(task.state())) {
            throw new ConflictException("state", "startable", "task " + taskId + " is " + task.state()
                    + "; a start is allowed from " + TaskState.STARTABLE + (task.state().isActive() ? " (stop it first)" : ""),
                            taskId, task.state());
        }
        if (task.archived()) {
            throw new ConflictException("archived", "not-archived", "task " + taskId + " is archived; unarchive it to start it",
                    taskId);
        }
        guards.requireStartAllowed(task.spec().project()); // a project's spent budget, for one
        Instant now = clock.instant();
        TaskSpec spec = task.spec();
        // A distributed run is one gang of all its roles: replicas counts them all, skuPerReplica is the largest.
        TaskRun run = new TaskRun(RunId.generate(), taskId, task.cluster(), spec.kind(),
                replicas != null && !spec.hasRoles() ? replicas : spec.replicaCount(),
                spec.largestSkuPerReplica(), spec.priority(), TaskState.QUEUED, null, caller.userId(), null, now, null, null,
                null, null, null, null, RunRoles.of(spec));
        runs.insert(run);
        tasks.setState(taskId, TaskState.QUEUED, run.id().value(), now);
        events.append(taskId, now, caller.userId(), TaskEvent.STATE_CHANGED, task.state(), TaskState.QUEUED,
                "run " + run.id() + " started by " + caller.userId());
        return run;
    }

    /** Asks the current run of the task to stop. 409 unless it is queued, starting or running. */
    @Transactional
    public TaskRun stop(Caller caller, TaskId taskId) {
        Task task = lockForCaller(caller, taskId);
        if (!TaskState.STOPPABLE.contains(task.state())) {
            throw new ConflictException("state", "stoppable", "task " + taskId + " is " + task.state()
                    + "; a stop is allowed from " + TaskState.STOPPABLE, taskId, task.state());
        }
        RunId runId = tasks.currentRunId(taskId).orElseThrow();
        if (runs.requestStop(runId, "stopped by " + caller.userId(), false, clock.instant())) {
            publisher.publishEvent(new RunStopRequested(runId, false));
        }
        return runs.findById(runId).orElseThrow();
    }

    /**
     * Kills a starting or running run to make room (a force-start): it ends KILLED with {@code reason}.
     * False, and nothing changes, if the run is no longer starting or running (it ended or is stopping).
     */
    @Transactional
    public boolean kill(RunId runId, String reason) {
        TaskRun run = lock(runId).run();
        if (run.stopRequested() || (run.state() != TaskState.STARTING && run.state() != TaskState.RUNNING)) {
            return false;
        }
        runs.requestStop(runId, reason, true, clock.instant());
        publisher.publishEvent(new RunStopRequested(runId, true));
        return true;
    }

    /** The runs that exist among {@code ids}, by id: one query for a page of tasks' current runs. */
    public java.util.Map<RunId, TaskRun> findAll(java.util.Collection<RunId> ids) {
        return runs.findAllById(ids).stream().collect(java.util.stream.Collectors.toMap(TaskRun::id, run -> run));
    }

    /** The run, if it exists (a deleted task's runs are gone). */
    public java.util.Optional<TaskRun> find(RunId id) {
        return runs.findById(id);
    }

    public TaskRun get(RunId id) {
        return runs.findById(id).orElseThrow(() -> new NotFoundException("run", id.value()));
    }

    /** The run if {@code caller} may see its task; 404 otherwise. */
    public TaskRun get(Caller caller, RunId id) {
        TaskRun run = get(id);
        Task task = tasks.findById(run.taskId()).orElseThrow(() -> new NotFoundException("run", id.value()));
        if (!projects.canSee(caller, task.spec().project())) {
            throw new NotFoundException("run", id.value());
        }
        return run;
    }

    public List<TaskRun> runsOf(TaskId taskId, int offset, int limit) {
        return runs.findByTask(taskId, offset, limit);
    }

    public long countRunsOf(TaskId taskId) {
        return runs.countByTask(taskId);
    }

    /**
     * Remembers which process instance drives the run: only the first, which Tasklane starts in the
     * transaction that opens the run. 409 for a run that has a process already (or does not exist), so a
     * second process cannot take over a live run and strand the first; the caller's transaction stays usable.
     */
    @Transactional(noRollbackFor = ConflictException.class)
    public void attachProcess(RunId id, String processInstanceId) {
        if (!runs.setProcessInstanceIfNone(id, processInstanceId)) {
            String owner = runs.findById(id).map(TaskRun::processInstanceId).orElse(null);
            throw new ConflictException("runId", "own-process", owner == null ? "run " + id + " does not exist"
                    : "run " + id + " already belongs to process " + owner);
        }
    }

    /** GPUs are held: the run is STARTING until its replicas are ready. Returns its active deadline. */
    @Transactional
    public Instant markStarting(RunId id, String actor) {
        Locked locked = lockToMove(id);
        Instant now = clock.instant();
        Instant deadline = now.plusSeconds(locked.task().activeDeadlineSeconds());
        runs.markStarting(id, deadline);
        changeTaskState(locked, TaskState.STARTING, actor, "GPUs allocated to run " + id);
        return deadline;
    }

    /**
     * All replicas are up: the run is RUNNING at the endpoint {@code endpointOf} gives for it. Returns the run as locked
     * (before this change), so the caller needs no second read for what running does not change (kind, replicas).
     */
    @Transactional
    public TaskRun markRunning(RunId id, java.util.function.Function<TaskRun, String> endpointOf) {
        Locked locked = lockToMove(id);
        runs.markRunning(id, clock.instant(), endpointOf.apply(locked.run()));
        changeTaskState(locked, TaskState.RUNNING, "tasklane", "all " + locked.run().replicas() + " replica(s) of run " + id + " are up");
        return locked.run();
    }

    @Transactional
    public void markStopping(RunId id, String reason) {
        Locked locked = lock(id);
        TaskRun run = locked.run();
        if (run.isOver()) {
            return;
        }
        runs.setState(id, TaskState.STOPPING, reason);
        changeTaskState(locked, TaskState.STOPPING, actorOf(run.reason(), reason), reason != null ? reason : run.reason());
    }

    /** Ends the run in {@code state}; the task shows that state until its next start. */
    @Transactional
    public void finish(RunId id, TaskState state, String reason) {
        finish(id, state, run -> reason);
    }

    /** Ends the run in {@code state} with the reason {@code reasonOf} gives for the run as locked. */
    @Transactional
    public void finish(RunId id, TaskState state, java.util.function.Function<TaskRun, String> reasonOf) {
        Locked locked = lock(id);
        TaskRun run = locked.run();
        if (run.isOver()) {
            return;
        }
        String reason = reasonOf.apply(run);
        Instant now = clock.instant();
        runs.finish(id, state, reason, now);
        changeTaskState(locked, state, actorOf(run.reason(), reason), reason);
        publisher.publishEvent(new RunEnded(id, run.taskId(), run.cluster(), state, reason, now));
    }

    /** The task locked until the transaction ends, if {@code caller} may act on it: 404 or 403 otherwise. */
    public Task lockForCaller(Caller caller, TaskId taskId) {
        Task task = tasks.lockById(taskId).filter(t -> projects.canSee(caller, t.spec().project()))
                .orElseThrow(() -> new NotFoundException("task", taskId.value()));
        projects.requireMember(caller, task.spec().project(), "project");
        return task;
    }

    /**
     * Locks the run for a step that moves it forward (GPUs allocated, replicas deployed, running), and
     * refuses if a stop was asked for meanwhile. The stop request takes the same locks, so either the
     * step commits before the stop is delivered, or it rolls back and the stop alone moves the process
     * on: a forward step and a stop never change the run's process at the same time.
     */
    public TaskRun lockToMoveForward(RunId id) {
        return lockToMove(id).run();
    }

    private Locked lockToMove(RunId id) {
        Locked locked = lock(id);
        if (locked.run().stopRequested()) {
            throw new StopRequestedMeanwhile(id);
        }
        return locked;
    }

    /** A forward step found the run asked to stop; its transaction rolls back and the stop wins. */
    public static class StopRequestedMeanwhile extends RuntimeException {
        StopRequestedMeanwhile(RunId id) {
            super("run " + id + " was asked to stop; not moving it forward");
        }
    }

    /**
     * Locks the run's task, then the run: every transaction that changes both takes their locks in this
     * order (as start and stop do), so two of them never wait for each other.
     */
    private Locked lock(RunId id) {
        TaskRepository.LockedTask task = tasks.lockForChangeOfRun(id).orElseThrow(() -> new NotFoundException("run", id.value()));
        return new Locked(runs.lock(id).orElseThrow(), task);
    }

    /** A run and its task, both locked, as read when their locks were taken. */
    private record Locked(TaskRun run, TaskRepository.LockedTask task) {
    }

    private void changeTaskState(Locked locked, TaskState to, String actor, String reason) {
        TaskRun run = locked.run();
        TaskRepository.LockedTask task = locked.task();
        Instant now = clock.instant();
        if (!run.id().value().equals(task.currentRunId())) {
            return; // an older run ending late does not move the task
        }
        tasks.setState(run.taskId(), to, null, now);
        events.append(run.taskId(), now, actor, TaskEvent.STATE_CHANGED, task.state(), to, reason);
        if (task.pinned() && to != TaskState.QUEUED) {
            publisher.publishEvent(new PinEnded(run.taskId(), run.id(), to));
        }
    }

    /** Who caused the change: the person named in a "... by <user>" reason, else Tasklane itself. */
    static String actorOf(String storedReason, String reason) {
        String text = reason != null ? reason : storedReason;
        if (text != null) {
            int by = text.lastIndexOf(" by ");
            if (by >= 0 && text.indexOf(' ', by + 4) < 0) {
                return text.substring(by + 4);
            }
        }
        return "tasklane";
    }
}
