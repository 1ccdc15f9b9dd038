package io.tasklane.queue;

/**
 * A waiting run as the queue view shows it: its place, its task, and how many SKUs it waits for. The
 * task's name, project and owner (its creator) are null for a caller who may not see that project.
 */
public record QueueLine(int position, QueueEntry entry, String taskName, String project, String owner) {

    QueueLine hidingTask() {
        return new QueueLine(position, entry, null, null, null);
    }
}
