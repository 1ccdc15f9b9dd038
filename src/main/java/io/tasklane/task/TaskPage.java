package io.tasklane.task;

import java.util.List;

/** One page of a task list and how many tasks match in all. */
public record TaskPage(long total, List<Task> items) {
}
