package io.tasklane.sizing;

/** Told, once a dispatch pass has committed, of each run whose waiting grow got its GPUs. */
public interface GrowSettledListener {

    void growSettled(String runId);
}
