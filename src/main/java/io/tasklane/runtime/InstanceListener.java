package io.tasklane.runtime;

/** What runtimes report about replicas, from their own threads. */
public interface InstanceListener {

    /** The replica serves (its port accepts connections). */
    void ready(String runId, int index);

    /** The replica ended on its own with {@code exitCode} (null when unknown), with a diagnostic if any. */
    void exited(String runId, int index, Integer exitCode, String message);
}
