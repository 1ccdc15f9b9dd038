package io.tasklane.task;

import java.time.Instant;

import io.tasklane.common.ClusterName;
import io.tasklane.common.ConflictException;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;

/**
 * The task aggregate: a configuration plus where it is in its lifecycle. Changes go through the
 * methods below, which refuse what the current state does not allow.
 */
public final class Task {

    private final TaskId id;
    private TaskSpec spec;
    private TaskState state;
    private boolean pinned;
    private final String creator;
    private final Instant createdAt;
    private Instant updatedAt;
    private boolean archived;
    private final long version;
    private RunId currentRunId;

    Task(TaskId id, TaskSpec spec, TaskState state, boolean pinned, String creator, Instant createdAt,
         Instant updatedAt, boolean archived, long version) {
        this.id = id;
        this.spec = spec;
        this.state = state;
        this.pinned = pinned;
        this.creator = creator;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.archived = archived;
        this.version = version;
    }

    static Task create(TaskSpec spec, String creator, Instant at) {
        return new Task(TaskId.generate(), spec, TaskState.CREATED, false, creator, at, at, false, 0);
    }

    /** Replaces the configuration; only while the task holds and waits for no GPUs. */
    void edit(TaskSpec newSpec, Instant at) {
        requireInactive("edited");
        this.spec = newSpec;
        this.updatedAt = at;
    }

    void archive(Instant at) {
        requireInactive("archived");
        this.archived = true;
        this.updatedAt = at;
    }

    void unarchive(Instant at) {
        this.archived = false;
        this.updatedAt = at;
    }

    void requireDeletable() {
        requireInactive("deleted");
    }

    private void requireInactive(String verb) {
        if (state.isActive()) {
            throw new ConflictException("state", "not-active", "task " + id + " is " + state
                    + " and cannot be " + verb + "; stop it first", id, state, verb);
        }
    }

    public TaskId id() {
        return id;
    }

    public TaskSpec spec() {
        return spec;
    }

    /** The cluster the task runs on, as its configuration names it. */
    public ClusterName cluster() {
        return new ClusterName(spec.cluster());
    }

    public TaskState state() {
        return state;
    }

    public boolean pinned() {
        return pinned;
    }

    public String creator() {
        return creator;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean archived() {
        return archived;
    }

    /** The run this task's state mirrors; null before its first start. */
    public RunId currentRunId() {
        return currentRunId;
    }

    Task withCurrentRun(RunId runId) {
        this.currentRunId = runId;
        return this;
    }

    /** The row version this object was read at; a save from a stale copy is refused. */
    public long version() {
        return version;
    }
}
