package io.tasklane.schedule;

/** How a task is started: by a person only, once at a set time, or every day in replica windows. */
public enum ScheduleType {
    MANUAL, ONE_OFF, DAILY
}
