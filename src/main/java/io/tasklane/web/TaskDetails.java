package io.tasklane.web;

import java.util.List;

import io.tasklane.runtime.InstanceState;
import io.tasklane.task.TaskState;

/** The Task page's view of a task beyond its list row: configuration, runs, instances and history. */
public record TaskDetails(TaskRow row, List<Setting> settings, List<RunLine> runs, RunLine currentRun,
                          List<InstanceLine> instances, List<EventLine> events) {

    /** A configuration field with its message key, already written out. */
    public record Setting(String key, String value) {
    }

    /** One run of the task; {@code cockpit} opens its process instance in Camunda Cockpit. */
    public record RunLine(String id, TaskState state, String reason, String requestedBy, String queuedAt,
                          String startedAt, String finishedAt, String cockpit, boolean live) {
    }

    /** One replica of the current run. */
    public record InstanceLine(int index, String node, String gpus, InstanceState state, Integer exitCode, String message) {
    }

    /** One entry of the task's history. */
    public record EventLine(String at, String actor, String type, TaskState fromState, TaskState toState, String reason) {
    }
}
