package io.tasklane.task;

/**
 * Told, after a change has committed, that a run may be able to move on (its GPUs were granted, a
 * replica became ready or ended). The workflow module implements it by signalling the run's process.
 */
public interface RunProgressListener {

    void runChanged(String runId);
}
