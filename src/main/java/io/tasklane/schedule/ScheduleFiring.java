package io.tasklane.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.tasklane.common.ConflictException;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.TaskId;
import io.tasklane.sizing.RunResizer;
import io.tasklane.task.RunService;
import io.tasklane.task.StartGuards;
import io.tasklane.task.Task;
import io.tasklane.task.TaskEventLog;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskService;
import io.tasklane.task.TaskState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a schedule does when it fires: start the task (through {@link RunService#start}, so it queues
 * like any start, recorded as started by "schedule"), or resize its running run to the window's range.
 * Each fire time is handled at most once: the schedule row remembers the last one.
 */
@Service
public class ScheduleFiring {

    static final String SCHEDULE_FIRED = "SCHEDULE_FIRED";

    /** What a fire did. */
    public enum Outcome { STARTED, RESIZED, NOT_DUE, SKIPPED }

    private final ScheduleService schedules;
    private final TaskService tasks;
    private final RunService runs;
    private final RunResizer resizer;
    private final TaskEventLog events;
    private final StartGuards guards;
    private final Clock clock;

    ScheduleFiring(ScheduleService schedules, TaskService tasks, RunService runs, RunResizer resizer, TaskEventLog events,
                   StartGuards guards, Clock clock) {
        this.schedules = schedules;
        this.tasks = tasks;
        this.runs = runs;
        this.resizer = resizer;
        this.events = events;
        this.guards = guards;
        this.clock = clock;
    }

    /**
     * Handles the fire due at {@code at}. NOT_DUE if the schedule is gone, inactive, already handled
     * that fire, or no longer fires then (it was changed): a repeated or stale fire changes nothing.
     */
    @Transactional
    public Outcome fire(TaskId taskId, Instant at) {
        Optional<Schedule> schedule = schedules.lock(taskId).filter(Schedule::active);
        if (schedule.isEmpty() || (schedule.get().lastFireAt() != null && !schedule.get().lastFireAt().isBefore(at))) {
            return Outcome.NOT_DUE;
        }
        Optional<Fire> fire = NextFire.after(schedule.get(), at.minusNanos(1)).filter(f -> f.at().equals(at));
        if (fire.isEmpty()) {
            return Outcome.NOT_DUE;
        }
        schedules.markFired(taskId, at);
        return act(taskId, fire.get());
    }

    private Outcome act(TaskId taskId, Fire fire) {
        Task task;
        try {
            task = tasks.get(ScheduleService.SCHEDULE, taskId);
        } catch (NotFoundException gone) {
            return Outcome.SKIPPED;
        }
        Optional<ReplicaWindow> window = fire.window();
        if (task.archived()) {
            record(taskId, "fire at " + fire.at() + " skipped: the task is archived");
            return Outcome.SKIPPED;
        }
        if (TaskState.STARTABLE.contains(task.state())) {
            try {
                guards.requireStartAllowed(task.spec().project());
            } catch (ConflictException refused) {
                // Refused before anything is written, so the fire is recorded as skipped instead of retried all month.
                record(taskId, "fire at " + fire.at() + " skipped: " + refused.getMessage());
                return Outcome.SKIPPED;
            }
            return start(taskId, window);
        }
        if (window.isPresent() && TaskState.RESIZABLE.contains(task.state()) && task.currentRunId() != null) {
            resizer.requestRange(task.currentRunId(), window.get().minReplicas(), window.get().maxReplicas());
            record(taskId, "window " + window.get().time() + ": replicas " + window.get().minReplicas() + ".."
                    + window.get().maxReplicas() + " asked of run " + task.currentRunId());
            return Outcome.RESIZED;
        }
        record(taskId, "fire at " + fire.at() + " skipped: the task is " + task.state());
        return Outcome.SKIPPED;
    }

    /**
     * Starts the task, at the window's upper bound for a daily fire. The state was checked above under no
     * lock; should a person's start win the race, RunService refuses ours, this fire's transaction rolls
     * back, and the engine retries the timer job, which then finds the task active.
     */
    private Outcome start(TaskId taskId, Optional<ReplicaWindow> window) {
        TaskRun run = runs.start(ScheduleService.SCHEDULE, taskId, window.map(ReplicaWindow::maxReplicas).orElse(null));
        window.ifPresent(w -> resizer.setMinReplicas(run.id(), w.minReplicas()));
        return Outcome.STARTED;
    }

    private void record(TaskId taskId, String what) {
        events.append(taskId, clock.instant(), ScheduleService.SCHEDULE.userId(), SCHEDULE_FIRED, null, null, what);
    }
}
