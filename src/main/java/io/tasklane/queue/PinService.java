package io.tasklane.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.tasklane.capacity.ClusterLock;
import io.tasklane.capacity.ClusterService;
import io.tasklane.common.ClusterName;
import io.tasklane.common.ConflictException;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.TaskId;
import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import io.tasklane.task.PinEnded;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskEvent;
import io.tasklane.task.TaskEventLog;
import io.tasklane.task.TaskRepository;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pins: one queued task per cluster goes to the head of the queue, and nothing is admitted ahead of it
 * (see {@link Admission}). Anyone who may act on a queued task may ask; an admin decides, or pins at once.
 * A pin ends when the task leaves the queue (the task's state change clears it) or an admin unpins it.
 */
@Service
public class PinService {

    static final int MAX_TEXT = 2000;

    private final RunService runs;
    private final TaskRepository tasks;
    private final PinRequestRepository requests;
    private final ClusterLock clusterLock;
    private final DispatchRequests dispatch;
    private final TaskEventLog events;
    private final ProjectService projects;
    private final QueueService queue;
    private final ClusterService clusters;
    private final PinProcesses processes;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    PinService(RunService runs, TaskRepository tasks, PinRequestRepository requests, ClusterLock clusterLock,
               DispatchRequests dispatch, TaskEventLog events, ProjectService projects, QueueService queue,
               ClusterService clusters, PinProcesses processes,
               ApplicationEventPublisher publisher, Clock clock) {
        this.runs = runs;
        this.tasks = tasks;
        this.requests = requests;
        this.clusterLock = clusterLock;
        this.dispatch = dispatch;
        this.events = events;
        this.projects = projects;
        this.queue = queue;
        this.clusters = clusters;
        this.processes = processes;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Asks to pin a queued task: 403 unless its cluster is granted to the caller; 409 unless it is QUEUED, not pinned,
     * without a pending request (admins: and its queue has no pin).
     */
    @Transactional
    public PinRequest request(Caller caller, TaskId taskId, String reason) {
        if (reason != null && reason.length() > MAX_TEXT) {
            throw new InvalidInputException(FieldViolation.of("reason", "max-length", "a reason has at most " + MAX_TEXT + " characters",
                    MAX_TEXT));
        }
        Task task = runs.lockForCaller(caller, taskId);
        clusters.requireGranted(caller, task.cluster(), "cluster");
        if (task.state() != TaskState.QUEUED) {
            throw new ConflictException("state", "queued", "task " + taskId + " is " + task.state() + "; only a QUEUED task can be pinned");
        }
        if (task.pinned()) {
            throw new ConflictException("pinned", "not-pinned", "task " + taskId + " is pinned already");
        }
        requests.pendingFor(taskId).ifPresent(pending -> {
            throw new ConflictException("pinRequest", "one-pending", "pin request " + pending.id() + " by "
                    + pending.requestedBy() + " for task " + taskId + " waits for an admin's review already", pending.id(), pending.requestedBy(),
                    taskId);
        });
        if (caller.isAdmin()) {
            clusterLock.hold(task.cluster());
            requireNoOtherPin(task);
        }
        PinRequest request = new PinRequest(PinRequestId.generate(), taskId, task.currentRunId(), task.cluster(),
                caller.userId(), reason, PinRequest.State.PENDING, null, null, null, clock.instant(), null);
        requests.insert(request);
        processes.start(request.id(), caller.isAdmin() ? request.requestedBy() : null);
        return requests.find(request.id()).orElseThrow();
    }

    /**
     * "Pin the task" once approved (or at once for an admin's own request). Never throws for the state of the
     * queue: a task that left the queue, or a queue pinned meanwhile, ends the request REFUSED with the reason.
     */
    @Transactional
    public PinRequest approve(PinRequestId id, String decidedBy, String comment) {
        PinRequest request = find(id);
        Task task = tasks.lockById(request.taskId()).orElse(null);
        clusterLock.hold(request.cluster());
        Optional<String> refusal = refusal(request, task);
        Instant now = clock.instant();
        if (refusal.isPresent()) {
            requests.decide(id, PinRequest.State.REFUSED, refusal.get(), decidedBy, comment, now);
            return find(id);
        }
        tasks.setPinned(request.taskId(), true, now);
        requests.decide(id, PinRequest.State.PINNED, "pinned by " + decidedBy, decidedBy, comment, now);
        events.append(request.taskId(), now, decidedBy, TaskEvent.PINNED, TaskState.QUEUED, TaskState.QUEUED,
                "pinned to the head of queue " + request.cluster() + " by " + decidedBy
                        + (request.reason() != null ? " (asked by " + request.requestedBy() + ": " + abbreviate(request.reason()) + ")" : ""));
        dispatch.request(request.cluster());
        return find(id);
    }

    /** "Reject": the request ends and the task keeps its place. */
    @Transactional
    public PinRequest reject(PinRequestId id, String decidedBy, String comment) {
        requests.decide(id, PinRequest.State.REJECTED, "rejected by " + decidedBy, decidedBy, comment, clock.instant());
        return find(id);
    }

    /**
     * An admin decides a pending request over the API, as in Tasklist. 403 for others; 409 if it was
     * decided already.
     */
    public PinRequest decide(Caller caller, PinRequestId id, boolean approve, String comment) {
        caller.requireAdmin("review pin requests");
        if (comment != null && comment.length() > MAX_TEXT) {
            throw new InvalidInputException(FieldViolation.of("comment", "max-length", "a comment has at most " + MAX_TEXT + " characters",
                    MAX_TEXT));
        }
        PinRequest request = find(id);
        if (!request.pending() || !processes.decide(id, caller.userId(), approve, comment)) {
            throw new ConflictException("state", "pending", "pin request " + id + " is " + request.state()
                    + " already" + (request.decidedBy() != null ? " (decided by " + request.decidedBy() + ")" : ""));
        }
        return find(id);
    }

    /** The open review's Tasklist task id, if the request waits for one. */
    public Optional<String> reviewTaskId(PinRequestId id) {
        return processes.reviewTaskId(id);
    }

    /** Admins only: the task goes back to its place by priority and submit time. 409 unless pinned. */
    @Transactional
    public Task unpin(Caller caller, TaskId taskId) {
        caller.requireAdmin("unpin");
        Task task = runs.lockForCaller(caller, taskId);
        if (!task.pinned()) {
            throw new ConflictException("pinned", "pinned", "task " + taskId + " is not pinned");
        }
        Instant now = clock.instant();
        tasks.setPinned(taskId, false, now);
        events.append(taskId, now, caller.userId(), TaskEvent.UNPINNED, task.state(), task.state(), "unpinned by " + caller.userId());
        publisher.publishEvent(new PinEnded(taskId, task.currentRunId(), task.state()));
        dispatch.request(task.cluster());
        return tasks.findById(taskId).orElseThrow();
    }

    /** Whether a task in the cluster's queue is pinned (a queue holds at most one pin). */
    public boolean hasPin(ClusterName cluster) {
        return tasks.pinnedIn(cluster).isPresent();
    }

    /** What the reviewer of the request reads. */
    public PinReview review(PinRequestId id) {
        PinRequest request = find(id);
        Task task = tasks.findById(request.taskId()).orElseThrow();
        TaskRun run = runs.get(request.runId());
        int gpusPerSku = clusters.find(request.cluster()).sku().gpus();
        String position = queue.positionOf(request.cluster(), run.id()).map(p -> p + " in queue " + request.cluster())
                .orElse("not waiting in queue " + request.cluster() + " any more");
        Duration waited = Duration.between(run.queuedAt(), clock.instant());
        return new PinReview(task.spec().name(), task.id().value(), task.creator(), task.spec().project(),
                run.totalSkus() * gpusPerSku + " GPU(s): " + run.sizeDescription(),
                position, run.queuedAt() + " (" + waited.toMinutes() + " min)", request.requestedBy(), request.reason());
    }

    /** The request if {@code caller} may see its task; 404 otherwise. */
    public PinRequest get(Caller caller, PinRequestId id) {
        PinRequest request = find(id);
        Task task = tasks.findById(request.taskId()).orElseThrow(() -> new NotFoundException("pinRequest", id.value()));
        if (!projects.canSee(caller, task.spec().project())) {
            throw new NotFoundException("pinRequest", id.value());
        }
        return request;
    }

    public PinRequest find(PinRequestId id) {
        return requests.find(id).orElseThrow(() -> new NotFoundException("pinRequest", id.value()));
    }

    private Optional<String> refusal(PinRequest request, Task task) {
        if (task == null || task.state() != TaskState.QUEUED || !request.runId().equals(task.currentRunId())) {
            return Optional.of("not pinned: task " + request.taskId() + " is no longer waiting in the queue"
                    + (task != null ? " (it is " + task.state() + ")" : ""));
        }
        return tasks.pinnedIn(request.cluster()).filter(other -> !other.id().equals(task.id()))
                .map(other -> "not pinned: queue " + request.cluster() + " already has a pinned task, " + describe(other)
                        + "; unpin it first");
    }

    private void requireNoOtherPin(Task task) {
        tasks.pinnedIn(task.cluster()).filter(other -> !other.id().equals(task.id())).ifPresent(other -> {
            throw new ConflictException("pinned", "one-per-queue", "queue " + task.cluster()
                    + " already has a pinned task, " + describe(other) + "; unpin it first", task.cluster(), other.spec().name());
        });
    }

    /** The history keeps a short form of the request's reason; the request keeps it whole. */
    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private static String describe(Task task) {
        return "'" + task.spec().name() + "' (" + task.id() + ")";
    }
}
