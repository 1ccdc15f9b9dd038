package io.tasklane.queue;

/**
 * A waiting run as the queue view shows it: its place, its task, and how many SKUs it waits for. The
 * task's name and project are null for a caller who may not see that project.
 */
public record QueueLine(int position, QueueEntry entry, String taskName, String project) {

    QueueLine hidingTask() {
        return new QueueLine(position, entry, null, null);
    }
}
