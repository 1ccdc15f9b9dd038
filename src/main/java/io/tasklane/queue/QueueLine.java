package io.tasklane.queue;

import java.util.List;
import java.util.Optional;

import io.tasklane.common.TaskId;

/**
 * A waiting run as the queue view shows it: its place, its task, and how many SKUs it waits for. The
 * task's name, project and owner (its creator) are null for a caller who may not see that project.
 */
public record QueueLine(int position, QueueEntry entry, String taskName, String project, String owner) {

    /** The place of the task's queued run among {@code lines} (its grows, which wait beside it, are not it). */
    public static Optional<QueueLine> ofTask(List<QueueLine> lines, TaskId task) {
        return lines.stream().filter(line -> line.entry().taskId().equals(task) && !line.entry().isGrow()).findFirst();
    }

    QueueLine hidingTask() {
        return new QueueLine(position, entry, null, null, null);
    }
}
