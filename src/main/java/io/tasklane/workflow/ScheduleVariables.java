package io.tasklane.workflow;

/**
 * Names of the task-schedule process, its messages and variables, and of the resize path of task-run;
 * the BPMN files use the same strings. Business key of task-schedule: the task id.
 */
public final class ScheduleVariables {

    public static final String PROCESS_KEY = "task-schedule";

    public static final String TASK_ID = "taskId";
    /** ISO-8601 date-time with the schedule zone's offset, e.g. 2026-12-01T08:00:00+08:00: the timer's date. */
    public static final String NEXT_FIRE_AT = "nextFireAt";
    /** False when the schedule fires no more (a one-off that fired, or an inactive or removed schedule). */
    public static final String HAS_NEXT_FIRE = "hasNextFire";
    /** The schedule's IANA zone, e.g. Asia/Shanghai, for expressions in edited versions. */
    public static final String TIME_ZONE = "timeZone";
    /** What the last fire did: STARTED, RESIZED, NOT_DUE or SKIPPED. */
    public static final String FIRE_OUTCOME = "fireOutcome";

    public static final String SCHEDULE_CHANGED = "ScheduleChanged";

    /** task-run: a daily window asked the run to take another replica range. */
    public static final String RESIZE_REQUESTED = "ResizeRequested";
    /** task-run: the GPUs of a grow were granted (or the grow was withdrawn). */
    public static final String GROW_GRANTED = "GrowGranted";
    /** task-run: set by "Resize the run" when a grow waits in the queue. */
    public static final String GROW_QUEUED = "growQueued";

    private ScheduleVariables() {
    }
}
