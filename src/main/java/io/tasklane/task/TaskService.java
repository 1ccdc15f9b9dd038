package io.tasklane.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.tasklane.capacity.AllocationRepository;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.ConflictException;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.TaskId;
import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task configuration: create, read, list, edit, copy, archive and delete, each checked against the
 * caller's projects and clusters and recorded in the task's history.
 */
// Named explicitly: Camunda registers its own bean "taskService" (user tasks).
@Service("tasklaneTaskService")
public class TaskService {

    private final TaskRepository tasks;
    private final RunRepository runs;
    private final TaskEventLog events;
    private final DeletedTasks deletedTasks;
    private final ProjectService projects;
    private final ClusterService clusters;
    private final AllocationRepository allocations;
    private final Clock clock;

    TaskService(TaskRepository tasks, RunRepository runs, TaskEventLog events, DeletedTasks deletedTasks,
                ProjectService projects, ClusterService clusters, AllocationRepository allocations, Clock clock) {
        this.tasks = tasks;
        this.runs = runs;
        this.events = events;
        this.deletedTasks = deletedTasks;
        this.projects = projects;
        this.clusters = clusters;
        this.allocations = allocations;
        this.clock = clock;
    }

    @Transactional
    public Task create(Caller caller, TaskSpec requested) {
        TaskSpec spec = validated(caller, requested.withDefaults());
        requireFreeName(spec.project(), spec.name());
        Task task = Task.create(spec, caller.userId(), clock.instant());
        insert(task);
        events.append(task.id(), task.createdAt(), caller.userId(), TaskEvent.CREATED, null, task.state(), null);
        return task;
    }

    /** The task if {@code caller} may see it; 404 otherwise, so other projects' tasks stay private. */
    public Task get(Caller caller, TaskId id) {
        return tasks.findById(id).filter(t -> projects.canSee(caller, t.spec().project()))
                .orElseThrow(() -> new NotFoundException("task", id.value()));
    }

    public TaskPage list(Caller caller, TaskQuery query) {
        if (query.limit() < 1 || query.limit() > TaskQuery.MAX_LIMIT) {
            throw new InvalidInputException(FieldViolation.of("limit", "range", "limit must be between 1 and " + TaskQuery.MAX_LIMIT,
                    1, TaskQuery.MAX_LIMIT));
        }
        if (query.offset() < 0) {
            throw new InvalidInputException(FieldViolation.of("offset", "min", "offset must be 0 or more", 0));
        }
        requireNoNul(query);
        return tasks.search(query, projects.visibleProjects(caller).orElse(null));
    }

    /**
     * How many tasks matching {@code query} the caller may see, by state and archived or not, whatever the query's own
     * states and archived filter: the counts of every tab of a list in one query.
     */
    public TaskCounts count(Caller caller, TaskQuery query) {
        requireNoNul(query);
        return tasks.count(query, projects.visibleProjects(caller).orElse(null));
    }

    /**
     * The tasks of one page of {@code query}, for a caller who counted them already with {@link #count}: a page of
     * tabs counts once, not once for its tabs and again for its page.
     */
    public List<Task> page(Caller caller, TaskQuery query) {
        if (query.limit() < 1 || query.limit() > TaskQuery.MAX_LIMIT || query.offset() < 0) {
            return list(caller, query).items(); // the same refusals as list
        }
        requireNoNul(query);
        return tasks.pageOnly(query, projects.visibleProjects(caller).orElse(null));
    }

    private static void requireNoNul(TaskQuery query) {
        query.textFilters().forEach((parameter, value) -> {
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new InvalidInputException(parameter, "no-nul-character", parameter + " may not contain the NUL character");
            }
        });
    }

    /** Replaces the configuration of a task that is not active; project and kind stay as they are. */
    @Transactional
    public Task replace(Caller caller, TaskId id, TaskSpec requested) {
        return change(caller, id, current -> requested);
    }

    /**
     * Replaces the configuration of a task that is not active with what {@code change} makes of the current
     * one (a partial edit); the same rules as {@link #replace} apply.
     */
    @Transactional
    public Task change(Caller caller, TaskId id, UnaryOperator<TaskSpec> change) {
        Task task = get(caller, id);
        TaskSpec requested = change.apply(task.spec());
        requireSame("project", task.spec().project(), requested.project(), "copy it into the other project instead");
        requireSame("kind", task.spec().kind(), requested.kind(), "copy it as a new task instead");
        TaskSpec spec = validated(caller, requested.of(task.spec().project(), task.spec().kind()).withDefaults());
        if (!spec.name().equals(task.spec().name())) {
            requireFreeName(spec.project(), spec.name());
        }
        Instant now = clock.instant();
        task.edit(spec, now);
        save(task);
        events.append(task.id(), now, caller.userId(), TaskEvent.EDITED, null, null, null);
        return get(caller, id);
    }

    /**
     * A new CREATED task with the source's configuration and any field {@code changes} gives, in the
     * source's project and of its kind. Without a new name it is called {@code <name>-copy[-n]}.
     */
    @Transactional
    public Task copy(Caller caller, TaskId sourceId, TaskSpec changes) {
        Task source = get(caller, sourceId);
        requireSame("project", source.spec().project(), changes.project(), "a copy stays in its source's project");
        requireSame("kind", source.spec().kind(), changes.kind(), "a copy keeps its source's kind");
        TaskSpec merged = source.spec().overlay(changes);
        if (changes.name() == null) {
            merged = merged.named(freeCopyName(source.spec()));
        }
        TaskSpec spec = validated(caller, merged.withDefaults());
        requireFreeName(spec.project(), spec.name());
        Task copy = Task.create(spec, caller.userId(), clock.instant());
        insert(copy);
        events.append(copy.id(), copy.createdAt(), caller.userId(), TaskEvent.COPIED_FROM, null, copy.state(),
                "copy of " + source.id());
        return copy;
    }

    /** Hides a task that is not active from lists (they show it again with archived=true). */
    @Transactional
    public Task archive(Caller caller, TaskId id) {
        return setArchived(caller, id, true);
    }

    @Transactional
    public Task unarchive(Caller caller, TaskId id) {
        return setArchived(caller, id, false);
    }

    private Task setArchived(Caller caller, TaskId id, boolean archived) {
        Task task = get(caller, id);
        projects.requireMember(caller, task.spec().project(), "project");
        Instant now = clock.instant();
        if (archived) {
            task.archive(now);
        } else {
            task.unarchive(now);
        }
        save(task);
        events.append(id, now, caller.userId(), archived ? TaskEvent.ARCHIVED : TaskEvent.UNARCHIVED, null, null, null);
        return get(caller, id);
    }

    @Transactional
    public void delete(Caller caller, TaskId id) {
        get(caller, id);
        // Locked as a start locks it: a start cannot slip in between the check and the deletion.
        Task task = tasks.lockById(id).orElseThrow(() -> new NotFoundException("task", id.value()));
        projects.requireMember(caller, task.spec().project(), "project");
        task.requireDeletable();
        // Usage periods outlive the task (the accounting keeps them): what its runs still hold closes first.
        allocations.releaseRunsOfTask(id);
        runs.deleteByTask(id);
        tasks.delete(id);
        Instant now = clock.instant();
        deletedTasks.record(id, task.spec().project(), task.spec().name(), now, caller.userId());
        events.append(id, now, caller.userId(), TaskEvent.DELETED, task.state(), null, null);
    }

    /** The configuration of a task, without an access check; for the runtime acting on a run. */
    public TaskSpec specOf(TaskId id) {
        return tasks.findById(id).map(Task::spec).orElseThrow(() -> new NotFoundException("task", id.value()));
    }

    /**
     * The task's history, oldest first. It outlives the task: after a delete, the task's project members and
     * admins still read it (the project is kept with the deletion).
     */
    public List<TaskEvent> history(Caller caller, TaskId id) {
        tasks.findById(id).map(task -> task.spec().project())
                .or(() -> deletedTasks.projectOf(id))
                .filter(project -> projects.canSee(caller, project))
                .orElseThrow(() -> new NotFoundException("task", id.value()));
        return events.history(id);
    }

    private TaskSpec validated(Caller caller, TaskSpec spec) {
        if (spec.project() == null || spec.project().isBlank()) {
            throw new InvalidInputException("project", "required", "project is required");
        }
        projects.requireMember(caller, spec.project(), "project");
        VirtualCluster cluster = clusters.requireUsable(caller, spec.cluster(), "cluster");
        List<FieldViolation> violations = TaskRules.check(spec, cluster);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return spec;
    }

    private void requireFreeName(String project, String name) {
        if (tasks.nameTaken(project, name)) {
            throw duplicateName(project, name);
        }
    }

    private String freeCopyName(TaskSpec source) {
        String base = source.name().length() > 50 ? source.name().substring(0, 50) : source.name();
        for (int n = 1; n < 1000; n++) {
            String candidate = n == 1 ? base + "-copy" : base + "-copy-" + n;
            if (!tasks.nameTaken(source.project(), candidate)) {
                return candidate;
            }
        }
        throw new ConflictException("name", "unique", "give the copy a name: too many copies of '" + source.name() + "' exist");
    }

    private void insert(Task task) {
        try {
            tasks.insert(task);
        } catch (DuplicateKeyException e) {
            // Two creates of one name raced past requireFreeName; the unique index decided.
            throw duplicateName(task.spec().project(), task.spec().name());
        }
    }

    private void save(Task task) {
        try {
            if (!tasks.update(task)) {
                throw new ConflictException("version", "concurrent-change",
                        "task " + task.id() + " was changed by someone else meanwhile; read it again and retry", task.id());
            }
        } catch (DuplicateKeyException e) {
            throw duplicateName(task.spec().project(), task.spec().name());
        }
    }

    private static ConflictException duplicateName(String project, String name) {
        return new ConflictException("name", "unique", "project '" + project + "' already has a task named '" + name + "'",
                project, name);
    }

    private static void requireSame(String field, Object current, Object requested, String hint) {
        if (requested != null && !Objects.equals(current, requested)) {
            throw new InvalidInputException(FieldViolation.of(field, "immutable", field + " cannot change (it is " + current + "); " + hint,
                    current));
        }
    }
}
