package io.tasklane.schedule;

import io.tasklane.common.TaskId;

/** The task-schedule process in the engine, seen from the domain: one instance per active schedule. */
public interface ScheduleProcesses {

    /** Ends the task's schedule instance, if any (message ScheduleChanged), in the caller's transaction. */
    void end(TaskId taskId);

    /** Starts a schedule instance for the task (business key = task id), in the caller's transaction. */
    void start(TaskId taskId);
}
