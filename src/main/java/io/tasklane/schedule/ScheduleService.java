package io.tasklane.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import io.tasklane.capacity.ClusterService;
import io.tasklane.common.ConflictException;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.TaskId;
import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskEventLog;
import io.tasklane.task.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules of tasks: set, read, remove. Setting one replaces the task's schedule process: the old
 * instance ends and, if the schedule is active, a new one starts and waits for the next fire.
 */
@Service
public class ScheduleService {

    /** Who a schedule's starts and resizes are recorded as. */
    public static final Caller SCHEDULE = new Caller("schedule", Set.of(Caller.ADMIN_GROUP));
    static final String SCHEDULE_SET = "SCHEDULE_SET";
    static final String SCHEDULE_REMOVED = "SCHEDULE_REMOVED";

    private final ScheduleRepository schedules;
    private final TaskService tasks;
    private final ProjectService projects;
    private final ClusterService clusters;
    private final TaskEventLog events;
    private final ScheduleProcesses processes;
    private final Clock clock;

    ScheduleService(ScheduleRepository schedules, TaskService tasks, ProjectService projects, ClusterService clusters,
                    TaskEventLog events, ScheduleProcesses processes, Clock clock) {
        this.schedules = schedules;
        this.tasks = tasks;
        this.projects = projects;
        this.clusters = clusters;
        this.events = events;
        this.processes = processes;
        this.clock = clock;
    }

    /** The task's schedule (MANUAL if it has none) and its next fire; 404 if the caller may not see the task. */
    public ScheduleView get(Caller caller, TaskId taskId) {
        tasks.get(caller, taskId);
        return view(schedules.find(taskId).orElse(Schedule.manual(taskId)));
    }

    /** The schedule of a task the caller has already been allowed to see, for the task's own view. */
    public ScheduleView viewOf(TaskId taskId) {
        return view(schedules.find(taskId).orElse(Schedule.manual(taskId)));
    }

    /** {@link #viewOf} for a page of tasks (the caller may see them all), in one query. */
    public java.util.Map<TaskId, ScheduleView> viewsOf(java.util.Collection<TaskId> taskIds) {
        java.util.Map<TaskId, Schedule> found = schedules.findAll(taskIds).stream()
                .collect(java.util.stream.Collectors.toMap(Schedule::taskId, schedule -> schedule));
        java.util.Map<TaskId, ScheduleView> views = new java.util.HashMap<>();
        taskIds.forEach(id -> views.put(id, view(found.getOrDefault(id, Schedule.manual(id)))));
        return views;
    }

    /**
     * Replaces the task's schedule. 400 naming field and rule if the request breaks one, including an
     * active one-off whose time has passed; MANUAL removes the schedule. Any other type starts the task later, so
     * it needs the task's cluster granted to the caller (403), as a start does.
     */
    @Transactional
    public ScheduleView put(Caller caller, TaskId taskId, ScheduleRequest request) {
        Task task = requireMember(caller, taskId);
        int clusterSkus = clusters.find(task.cluster()).capacitySkus();
        Schedule parsed = ScheduleRules.parse(taskId, request, task.spec().largestSkuPerReplica(), clusterSkus);
        if (parsed.type() == ScheduleType.DAILY && task.spec().hasRoles()) {
            throw new InvalidInputException("type", "roles-not-resizable", "a task with roles cannot be resized by daily"
                    + " windows: none of its frameworks resizes a running job in Tasklane yet; use ONE_OFF, or start it yourself");
        }
        if (parsed.type() != ScheduleType.MANUAL) {
            clusters.requireGranted(caller, task.cluster(), "cluster");
        }
        Instant now = clock.instant();
        if (parsed.active() && NextFire.after(parsed, now).isEmpty()) {
            throw new InvalidInputException(FieldViolation.of("at", "future-when-active", "the one-off time " + parsed.at() + " in "
                    + parsed.zone() + " has already passed; choose a later time to activate this schedule",
                            parsed.at(), parsed.zone()));
        }
        processes.end(taskId);
        if (parsed.type() == ScheduleType.MANUAL) {
            schedules.delete(taskId);
        } else {
            Schedule stored = new Schedule(taskId, parsed.type(), parsed.zone(), parsed.at(), parsed.startDate(),
                    parsed.windows(), parsed.active(), null, caller.userId(), now);
            schedules.save(stored);
            if (stored.active()) {
                processes.start(taskId);
            }
        }
        events.append(taskId, now, caller.userId(), SCHEDULE_SET, null, null, describe(parsed));
        return view(schedules.find(taskId).orElse(Schedule.manual(taskId)));
    }

    /** Removes the task's schedule: no further fires; a run it started keeps running. */
    @Transactional
    public void delete(Caller caller, TaskId taskId) {
        requireMember(caller, taskId);
        processes.end(taskId);
        if (schedules.delete(taskId)) {
            events.append(taskId, clock.instant(), caller.userId(), SCHEDULE_REMOVED, null, null, null);
        }
    }

    /**
     * The next fire of the task's active schedule strictly after {@code after}, the last fire handled and
     * now, for its process: a fire missed while Tasklane was down is fired once, never caught up on.
     */
    public Optional<Fire> nextFire(TaskId taskId, Instant after) {
        return schedules.find(taskId).filter(Schedule::active).flatMap(s -> NextFire.after(s, latest(after, s.lastFireAt())));
    }

    /** The schedule's zone, for showing a fire time as a wall-clock reading. */
    public Optional<ZoneId> zoneOf(TaskId taskId) {
        return schedules.find(taskId).map(Schedule::zone);
    }

    Optional<Schedule> lock(TaskId taskId) {
        return schedules.lock(taskId);
    }

    void markFired(TaskId taskId, Instant fire) {
        schedules.markFired(taskId, fire);
    }

    private Instant latest(Instant after, Instant lastFire) {
        Instant latest = after == null || after.isBefore(clock.instant()) ? clock.instant() : after;
        return lastFire != null && lastFire.isAfter(latest) ? lastFire : latest;
    }

    private ScheduleView view(Schedule schedule) {
        return new ScheduleView(schedule, NextFire.after(schedule, latest(clock.instant(), schedule.lastFireAt())));
    }

    private Task requireMember(Caller caller, TaskId taskId) {
        Task task = tasks.get(caller, taskId);
        projects.requireMember(caller, task.spec().project(), "project");
        if (task.archived()) {
            throw new ConflictException("archived", "not-archived", "task " + taskId + " is archived; unarchive it to schedule it");
        }
        return task;
    }

    private static String describe(Schedule s) {
        return switch (s.type()) {
            case MANUAL -> "schedule removed: the task starts only when someone starts it";
            case ONE_OFF -> "ONE_OFF at " + s.at() + " " + s.zone() + (s.active() ? ", active" : ", inactive");
            case DAILY -> "DAILY in " + s.zone() + " " + ScheduleRepository.windows(s.windows()) + (s.active() ? ", active" : ", inactive");
        };
    }
}
