package io.tasklane.sizing;

import io.tasklane.task.RunId;

/** The run's process, as a resize needs it: told to resize, and told its waiting grow is settled. */
public interface ResizeSignals {

    /** Delivers ResizeRequested to the run's process. */
    void requestResize(RunId runId);

    /** Delivers GrowGranted to the run's process if it waits for it. */
    void growSettled(RunId runId);
}
