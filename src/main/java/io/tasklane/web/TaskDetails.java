package io.tasklane.web;

import java.util.List;

import io.tasklane.runtime.InstanceState;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.task.TaskState;

/**
 * The Task page's view of a task beyond its list row: configuration, roles, runs, instances (grouped by role for a
 * task of roles) and history.
 */
public record TaskDetails(TaskRow row, List<Setting> settings, ScheduleSection schedule, List<RoleLine> roles, List<RunLine> runs,
                          RunLine currentRun, List<InstanceGroup> instanceGroups, List<EventLine> events) {

    /** Whether the current run has replicas to show. */
    public boolean hasInstances() {
        return instanceGroups.stream().anyMatch(group -> !group.instances().isEmpty());
    }

    /** A configuration field with its message key, already written out. */
    public record Setting(String key, String value) {
    }

    /**
     * One role of a task of roles: its replicas, the SKUs each holds, the rank of its first replica, and what it runs
     * (its own command or the task's).
     */
    public record RoleLine(String name, int replicas, int skuPerReplica, int firstRank, String command) {
    }

    /**
     * The task's schedule: its type (a message key's last part), its zone, whether it is active, the one-off's time
     * ({@code at}, in the zone), the next fire in the zone and in UTC (null when it never fires again), and a daily
     * schedule's windows.
     */
    public record ScheduleSection(ScheduleType type, String zone, boolean active, String at, String nextFire, String nextFireUtc,
                                  List<WindowLine> windows) {
    }

    /** From {@code time} of day on (in the schedule's zone), the task runs with min to max replicas. */
    public record WindowLine(String time, int minReplicas, int maxReplicas) {
    }

    /**
     * One run of the task; {@code cockpit} opens its process instance in Camunda Cockpit. Durations are written as
     * {@code h:mm:ss}, GPU-hours to two decimals; blank where there is none (never started, never held GPUs).
     */
    public record RunLine(String id, TaskState state, StoredText reason, String requestedBy, String queuedAt,
                          String startedAt, String finishedAt, String waited, String ran, String gpuHours,
                          String cockpit, boolean live) {
    }

    /** The current run's replicas of one role (role null: a task without roles), in rank order. */
    public record InstanceGroup(String role, List<InstanceLine> instances) {
    }

    /** One replica of the current run; role, index in the role and rank are null for a task without roles. */
    public record InstanceLine(int index, String role, Integer roleIndex, Integer rank, String node, String gpus,
                               InstanceState state, Integer exitCode, String message) {
    }

    /** One entry of the task's history. */
    public record EventLine(String at, String actor, String type, TaskState fromState, TaskState toState, StoredText reason) {
    }
}
