package io.tasklane.runtime;

import io.tasklane.common.RunId;

/** What runtimes report about replicas, from their own threads. */
public interface InstanceListener {

    /** The replica serves (its port accepts connections). */
    void ready(RunId runId, int index);

    /** A replica launched as PENDING runs now (its pod is Running). Runtimes whose replicas start running need not call it. */
    default void started(RunId runId, int index) {
    }

    /** The replica ended on its own with {@code exitCode} (null when unknown), with a diagnostic if any. */
    void exited(RunId runId, int index, Integer exitCode, String message);

    /**
     * The replica cannot run and will not recover by itself (a bad image, a crash loop), with why; it
     * counts as failed whatever its exit code. Runtimes that only see exits need not call it.
     */
    default void failed(RunId runId, int index, Integer exitCode, String message) {
        exited(runId, index, exitCode, message);
    }

    /**
     * The replica is not serving yet, and this says why ("Unschedulable: ..."), or null once that no longer
     * holds; its state does not change.
     */
    default void waiting(RunId runId, int index, String diagnostic) {
    }

    /**
     * What serves as this replica now and where its log is (a Serve replica of a Ray Serve run, which Ray
     * starts, replaces and logs by itself); its state does not change. Other runtimes need not call it.
     */
    default void serving(RunId runId, int index, String description, String logPath) {
    }
}
