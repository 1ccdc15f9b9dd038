package io.tasklane.task;

/** The run's process in the engine, seen from the domain: start it, and ask it to stop or be killed. */
public interface RunProcesses {

    /** Starts the task-run process of an opened run, in the caller's transaction. */
    String start(RunId runId, TaskId taskId);

    /** Delivers StopRequested to the run's process. */
    void requestStop(RunId runId);

    /** Delivers KillRequested to the run's process. */
    void requestKill(RunId runId);
}
