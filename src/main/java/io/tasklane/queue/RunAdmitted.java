package io.tasklane.queue;

import io.tasklane.task.RunId;

/** A dispatch pass reserved GPUs for every replica of a queued run: its process may go on to Allocate GPUs. */
public record RunAdmitted(RunId runId) {
}
