package io.tasklane.workflow;

/**
 * Names of the task-schedule process, its messages and variables; the BPMN uses the same strings.
 * Business key of task-schedule: the task id.
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

    private ScheduleVariables() {
    }
}
