package io.tasklane.queue;

/** A waiting run as the queue view shows it: its place, its task, and how many SKUs it waits for. */
public record QueueLine(int position, QueueEntry entry, String taskName, String project) {
}
