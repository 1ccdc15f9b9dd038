package io.tasklane.web;

import java.util.ArrayList;
import java.util.List;

import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskState;

/**
 * One task as the console lists it. Times are already written out ({@code createdAt} in UTC, {@code nextFire} in
 * the schedule's zone); {@code reason} is why its current run is where it is; {@code queuePosition} is set while
 * it waits. A running Ray Serve task has its Ray {@code dashboard}, or {@code dashboardMissing} when Ray runs without
 * one (its dashboard packages are not installed), so the page says so instead of linking nowhere. A task with
 * {@code roles} is copied and edited through the API only (the wizard has no fields for roles). An idle task that
 * {@code waitsForSchedule} links to its "Why is it waiting" panel, as a queued one does.
 */
public record TaskRow(String id, String name, String project, TaskKind kind, String entry, TaskSpecSummary spec,
                      String endpoint, String scheduleType, String nextFire, String createdAt, TaskState state,
                      StoredText reason, Integer queuePosition, boolean pinned, boolean archived, RowActions actions,
                      String dashboard, boolean dashboardMissing, boolean roles, boolean waitsForSchedule) {

    /** SKUs per replica × replicas, and the GPUs that makes on the cluster's GPU type. */
    public record TaskSpecSummary(int skuPerReplica, int replicas, int gpus, String gpuType, String cluster) {
    }

    /** What the caller may do with the task now; the services check again when it is done. */
    public record RowActions(boolean start, boolean stop, boolean archive, boolean unarchive, boolean delete,
                             boolean pin, boolean unpin, boolean forceStart) {

        /** The actions shown, by the last part of their address ({@code /tasks/{id}/<name>}) and message key. */
        public List<String> names() {
            List<String> names = new ArrayList<>();
            addIf(names, start, "start");
            addIf(names, stop, "stop");
            addIf(names, pin, "pin");
            addIf(names, unpin, "unpin");
            addIf(names, forceStart, "force-start");
            addIf(names, archive, "archive");
            addIf(names, unarchive, "unarchive");
            addIf(names, delete, "delete");
            return names;
        }

        private static void addIf(List<String> names, boolean shown, String name) {
            if (shown) {
                names.add(name);
            }
        }
    }
}
