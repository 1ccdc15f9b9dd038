package io.tasklane.sizing;

import io.tasklane.task.RunId;

/** A run was asked to take a new replica range: its process is to apply it (message ResizeRequested). */
public record ResizeRequested(RunId runId) {
}
