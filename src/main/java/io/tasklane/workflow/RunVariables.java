package io.tasklane.workflow;

/** Names of the task-run process, its messages and its variables; the BPMN uses the same strings. */
public final class RunVariables {

    public static final String PROCESS_KEY = "task-run";

    public static final String TASK_ID = "taskId";
    public static final String RUN_ID = "runId";
    /** Set by "Check the task and open a run" when the task cannot start; ends at "Start refused". */
    public static final String START_REFUSED = "startRefused";
    public static final String REFUSAL = "refusal";
    public static final String ADMITTED = "admitted";
    /** ISO-8601 duration the replicas have to become ready. */
    public static final String STARTUP_TIMEOUT = "startupTimeout";
    /** ISO-8601 instant of the active deadline. */
    public static final String DEADLINE_AT = "deadlineAt";
    /** Transient, set by "Deploy replicas": every replica runs already (a job's host processes). */
    public static final String REPLICAS_ALREADY_UP = "replicasAlreadyUp";
    /** Transient, set by "Mark the run as running": a job that is already over skips the wait for its end. */
    public static final String REPLICAS_ALREADY_EXITED = "replicasAlreadyExited";
    /** Final state chosen on the way out (SUCCEEDED, FAILED, STOPPED, KILLED) and its reason code. */
    public static final String OUTCOME = "outcome";
    public static final String REASON_CODE = "reasonCode";
    /**
     * Local inputs of the outcome events ("Succeeded", "Failed: ...") in task-run versions before those events named
     * their outcome as extension properties; read only for runs of those versions.
     */
    public static final String OUTCOME_STATE_INPUT = "outcomeState";
    public static final String OUTCOME_CODE_INPUT = "outcomeCode";
    public static final String DEPLOY_ERROR = "deployError";

    public static final String CAPACITY_GRANTED = "CapacityGranted";
    public static final String REPLICAS_READY = "ReplicasReady";
    public static final String REPLICAS_EXITED = "ReplicasExited";
    public static final String REPLICA_FAILED = "ReplicaFailed";
    public static final String STOP_REQUESTED = "StopRequested";
    /** Given with StopRequested: how the run ends, STOPPED (asked to stop) or KILLED (to make room for a force-start). */
    public static final String STOP_AS = "stopAs";
    public static final String DEPLOY_FAILED_ERROR = "DeployFailed";

    /** A daily window asked the run to take another replica range. */
    public static final String RESIZE_REQUESTED = "ResizeRequested";
    /** The GPUs of a grow were granted (or the grow was withdrawn). */
    public static final String GROW_GRANTED = "GrowGranted";
    /** Local, set by "Resize the run" when a grow waits in the queue. */
    public static final String GROW_QUEUED = "growQueued";

    private RunVariables() {
    }
}
