package io.tasklane.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.tasklane.common.RunId;
import io.tasklane.task.TaskSpec;

/**
 * Runs a run's replicas somewhere: host processes, a simulation, Kubernetes. One
 * implementation per {@link #kind()}; each virtual cluster names the kind that runs its tasks.
 */
public interface TaskRuntime {

    /** The name clusters use to pick this runtime, e.g. "local". */
    String kind();

    /** Launches every replica; on failure, stops what it launched and throws. */
    LaunchedRun launch(LaunchRequest request);

    /** Stops the replicas (a grace period, then forcibly) and returns once they are gone. */
    void stop(RunId runId, List<RunInstance> instances, Duration grace);

    /** The replica's log file, if this runtime keeps one on this host. */
    Optional<Path> logFile(RunInstance instance);

    /**
     * Takes a replica launched before a restart back under watch, reporting to {@code listener} when it
     * ends. Returns false if it is gone (its exit, if known, has been reported to the listener).
     */
    boolean adopt(RunInstance instance, boolean service, InstanceListener listener);

    /**
     * Whether replicas can be added to or stopped out of a run that is deployed (a daily window's resize).
     * A runtime that cannot keeps a running run at its size; its next start takes the new range.
     */
    default boolean resizesRunningRuns() {
        return true;
    }

    /** Whether this run (of {@code spec}) can be resized while it is deployed; by default what {@link #resizesRunningRuns()} says. */
    default boolean resizesRunningRun(RunId runId, TaskSpec spec) {
        return resizesRunningRuns();
    }

    /**
     * Applies a deployed run's new replica range where the runtime keeps one application per run (Ray Serve):
     * {@code request} names every replica the run has now, with the range. Called once the resize is
     * committed; a shrink's replicas have been {@link #stop stopped} (forgotten) before. By default nothing:
     * replicas are launched and stopped one by one.
     */
    default void resize(LaunchRequest request) {
    }

    /** Serve's own counts of the run's replicas (running, starting, wanted), where the runtime has them. */
    default Optional<ReplicaCounts> replicaCountsOf(RunId runId) {
        return Optional.empty();
    }

    /** Where the run's service answers, if this runtime publishes it itself (a Kubernetes Service). */
    default Optional<String> endpointOf(RunId runId) {
        return Optional.empty();
    }

    /** The pod and container of a replica, on a runtime that runs replicas as pods. */
    record PodOfReplica(String pod, String container) {
    }

    /** The pod and container of the run's replica {@code index}, if this runtime runs pods. */
    default Optional<PodOfReplica> podOf(RunId runId, int index) {
        return Optional.empty();
    }

    /** Where the run's own dashboard is (the Ray dashboard of a Ray Serve task), if this runtime has one. */
    default Optional<String> dashboardOf(RunId runId) {
        return Optional.empty();
    }
}
