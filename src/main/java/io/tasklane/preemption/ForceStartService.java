package io.tasklane.preemption;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tasklane.capacity.ClusterLock;
import io.tasklane.capacity.ClusterService;
import io.tasklane.common.ConflictException;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.TaskId;
import io.tasklane.security.Caller;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRepository;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Force-start: an admin makes room for a cluster's pinned task by killing running tasks. Plan (or say why
 * it cannot be done), wait for an admin's confirmation, plan again, kill, and wait for the pinned task to
 * get the GPUs, which it does because nothing is admitted ahead of a pinned task.
 */
@Service
public class ForceStartService {

    private final ForceStartRepository starts;
    private final VictimPlanner planner;
    private final RunService runs;
    private final TaskRepository tasks;
    private final ClusterLock clusterLock;
    private final ClusterService clusters;
    private final ForceStartProcesses processes;
    private final Clock clock;

    ForceStartService(ForceStartRepository starts, VictimPlanner planner, RunService runs, TaskRepository tasks,
                      ClusterLock clusterLock, ClusterService clusters, ForceStartProcesses processes,
                      Clock clock) {
        this.starts = starts;
        this.planner = planner;
        this.runs = runs;
        this.tasks = tasks;
        this.clusterLock = clusterLock;
        this.clusters = clusters;
        this.processes = processes;
        this.clock = clock;
    }

    /** Admins only, only for the pinned task, one force-start per cluster at a time (409 naming the other). */
    @Transactional
    public ForceStart start(Caller caller, TaskId taskId) {
        caller.requireAdmin("force-start a task");
        Task task = runs.lockForCaller(caller, taskId);
        if (!task.pinned() || task.state() != TaskState.QUEUED) {
            throw new ConflictException("pinned", "pinned", "task " + taskId + " is " + task.state()
                    + (task.pinned() ? "" : " and not pinned") + "; only the pinned task of a queue can be force-started");
        }
        // Serializes force-starts of one cluster, so two admins at once get one force-start and one refusal.
        clusterLock.hold(task.cluster());
        starts.openOn(task.cluster()).ifPresent(other -> {
            throw new ConflictException("forceStart", "one-per-queue", "force-start " + other.id() + " by "
                    + other.requestedBy() + " is already under way on cluster " + other.cluster() + " (" + other.state() + ")",
                    other.id(), other.requestedBy(), other.cluster());
        });
        ForceStart start = new ForceStart(ForceStartId.generate(), taskId, task.currentRunId(), task.cluster(),
                caller.userId(), ForceStart.State.PLANNING, null, null, clock.instant(), null, null, List.of());
        starts.insert(start);
        processes.start(start.id());
        return find(start.id());
    }

    /**
     * "Plan the victims": true if a plan exists (then it waits for confirmation), else the force-start ends;
     * also when the pinned run was admitted already (a dispatch pass reserved its GPUs, not yet allocated).
     */
    @Transactional
    public boolean plan(ForceStartId id) {
        ForceStart start = find(id);
        TaskRun pinned = runs.get(start.runId());
        if (pinned.admitted()) {
            // Its reservation would count as taken by others, and runs would die for GPUs it holds already.
            starts.finish(id, ForceStart.State.IMPOSSIBLE, "nothing to kill: run " + pinned.id()
                    + " was already admitted; it holds its GPUs and is starting", clock.instant());
            return false;
        }
        VictimPlanner.Planned planned = planner.plan(pinned);
        starts.replaceVictims(id, planned.victims());
        if (!planned.possible()) {
            starts.finish(id, ForceStart.State.IMPOSSIBLE, planned.impossible(), clock.instant());
            return false;
        }
        starts.setState(id, ForceStart.State.AWAITING_CONFIRMATION, null);
        return true;
    }

    /**
     * "Kill the victims" once confirmed: plans again (runs may have ended or started meanwhile) and asks each
     * victim's run to be killed if the new plan kills no run beyond the confirmed ones. Nothing is killed if
     * the pinned task left the queue, was admitted meanwhile, or no plan fits any more; nor if the new plan
     * adds a victim: then it waits for a new confirmation with the new plan and the reason.
     */
    @Transactional
    public ConfirmationResult confirm(ForceStartId id, String decidedBy) {
        ForceStart start = find(id);
        Task pinned = tasks.lockById(start.taskId()).orElseThrow();
        clusterLock.hold(start.cluster());
        Instant now = clock.instant();
        if (!pinned.pinned() || !start.runId().equals(pinned.currentRunId())) {
            starts.decide(id, ForceStart.State.ABANDONED, "nothing killed: task " + pinned.id() + " is no longer pinned in the queue",
                    decidedBy, now);
            return ConfirmationResult.NOTHING_KILLED;
        }
        TaskRun run = runs.get(start.runId());
        if (run.admitted()) {
            // Admitted since the plan (a victim ended on its own): the GPUs are its own, nobody dies for them.
            starts.decide(id, ForceStart.State.STARTED, "nothing killed: task " + pinned.spec().name()
                    + " was admitted meanwhile; it holds its GPUs and is starting", decidedBy, now);
            return ConfirmationResult.NOTHING_KILLED;
        }
        VictimPlanner.Planned planned = planner.plan(run);
        starts.replaceVictims(id, planned.victims());
        if (!planned.possible()) {
            starts.decide(id, ForceStart.State.IMPOSSIBLE, planned.impossible(), decidedBy, now);
            return ConfirmationResult.NOTHING_KILLED;
        }
        Optional<String> changed = PlanChange.needsConfirmation(start.victims(), planned.victims());
        if (changed.isPresent()) {
            starts.setState(id, ForceStart.State.AWAITING_CONFIRMATION, changed.get());
            return ConfirmationResult.PLAN_CHANGED;
        }
        String reason = "killed to force-start " + pinned.spec().name() + " by " + decidedBy;
        planned.victims().forEach(victim -> runs.kill(victim.runId(), reason));
        starts.decide(id, ForceStart.State.KILLING, "confirmed by " + decidedBy + "; killing " + planned.victims().size()
                + " run(s) to free " + planned.victims().stream().mapToInt(ForceStart.Victim::gpus).sum() + " GPU(s)", decidedBy, now);
        return ConfirmationResult.KILLING;
    }

    /** "Reject": nothing is killed, the pin stays. */
    @Transactional
    public void reject(ForceStartId id, String decidedBy) {
        starts.decide(id, ForceStart.State.REJECTED, "rejected by " + decidedBy + "; nothing killed, the pin stays", decidedBy,
                clock.instant());
    }

    /** "Record the outcome" once the pin ended: the pinned task got its GPUs, or left the queue without them. */
    @Transactional
    public void finish(ForceStartId id) {
        ForceStart start = find(id);
        if (!start.state().open()) {
            return;
        }
        Task task = tasks.findById(start.taskId()).orElseThrow();
        boolean admitted = runs.get(start.runId()).admitted();
        String outcome = admitted ? "task " + task.spec().name() + " got its GPUs and is starting"
                : "the pinned task left the queue before it got its GPUs (it is " + task.state() + (task.pinned() ? "" : ", not pinned") + ")";
        starts.finish(id, admitted ? ForceStart.State.STARTED : ForceStart.State.ABANDONED,
                start.state() == ForceStart.State.KILLING ? outcome : "nothing killed: " + outcome, clock.instant());
    }

    /**
     * "Record the timeout": the pinned task did not get the freed GPUs within {@code waited} of the
     * confirmation. Ends the force-start TIMED_OUT with what an admin needs to act (the pin stays, and with
     * it the block on the cluster); returns that outcome. If the pin ended meanwhile, records that instead.
     */
    @Transactional
    public String timeOut(ForceStartId id, Duration waited) {
        ForceStart start = find(id);
        Task task = tasks.findById(start.taskId()).orElseThrow();
        if (!start.state().open()) {
            return start.outcome();
        }
        if (runs.get(start.runId()).admitted() || !task.pinned()) {
            finish(id); // its PinEnded is on its way; the timer merely came first
            return find(id).outcome();
        }
        List<String> alive = start.victims().stream().filter(v -> !runs.get(v.runId()).isOver())
                .map(v -> v.taskName() + " (run " + v.runId() + ", " + runs.get(v.runId()).state() + ")").toList();
        String outcome = "timed out: task " + task.spec().name() + " did not get its GPUs within " + waited
                + " of the confirmation; it is still " + task.state() + " and pinned, so nothing behind it is admitted"
                + (alive.isEmpty() ? "" : "; victims not yet ended: " + String.join(", ", alive))
                + ". Unpin it, or force-start it again";
        starts.finish(id, ForceStart.State.TIMED_OUT, outcome, clock.instant());
        return outcome;
    }

    /**
     * Admins only: what a force-start of the queued task would kill now, planned as a force-start plans but saving
     * nothing, so a page can show it before an admin pins or force-starts. Empty victims and a reason when no kill
     * can make room.
     */
    @Transactional(readOnly = true)
    public Preview preview(Caller caller, TaskId taskId) {
        caller.requireAdmin("preview a force-start");
        Task task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId.value()));
        if (task.state() != TaskState.QUEUED || task.currentRunId() == null) {
            throw new ConflictException("state", "queued", "task " + taskId + " is " + task.state()
                    + "; only a queued task can be pinned or force-started");
        }
        VictimPlanner.Planned planned = planner.plan(runs.get(task.currentRunId()));
        return new Preview(planned.victims(), planned.impossible());
    }

    /** What a force-start would kill ({@code victims}), or why no kill can make room ({@code impossible}). */
    public record Preview(List<ForceStart.Victim> victims, String impossible) {
    }

    /** The force-start under way on the cluster, if any, with its victims (admins only). */
    public Optional<ForceStart> openOn(Caller caller, io.tasklane.common.ClusterName cluster) {
        caller.requireAdmin("see force-starts");
        return starts.openOn(cluster).map(start -> find(start.id()));
    }

    /** What the admin confirming the force-start reads. */
    public Confirmation confirmation(ForceStartId id) {
        ForceStart start = find(id);
        return Confirmation.of(start, tasks.findById(start.taskId()).orElseThrow(), runs.get(start.runId()),
                clusters.find(start.cluster()).sku().gpus());
    }

    /** An admin confirms or rejects over the API, as in Tasklist. 409 unless it awaits confirmation. */
    public ForceStart decide(Caller caller, ForceStartId id, boolean confirm) {
        ForceStart start = get(caller, id);
        if (start.state() != ForceStart.State.AWAITING_CONFIRMATION || !processes.decide(id, caller.userId(), confirm)) {
            throw new ConflictException("state", "awaiting-confirmation", "force-start " + id + " is " + start.state()
                    + (start.outcome() != null ? ": " + start.outcome() : "") + "; only one awaiting confirmation can be confirmed or rejected");
        }
        return find(id);
    }

    /** The open confirmation's Tasklist task id, if the force-start waits for one. */
    public Optional<String> confirmationTaskId(ForceStartId id) {
        return processes.confirmationTaskId(id);
    }

    /** The force-start, for admins; 403 for others, 404 if unknown. */
    public ForceStart get(Caller caller, ForceStartId id) {
        caller.requireAdmin("see force-starts");
        return find(id);
    }

    public ForceStart find(ForceStartId id) {
        return starts.find(id).orElseThrow(() -> new NotFoundException("forceStart", id.value()));
    }

    /** Force-starts of the task still under way: what to tell when its pin ends. */
    public List<ForceStartId> openFor(TaskId taskId) {
        return starts.openFor(taskId);
    }

    /** Force-starts still waiting although their task's pin has ended (their processes are told again). */
    public List<ForceStartId> waitingOnEndedPins() {
        return starts.waitingOnEndedPins();
    }
}
