package io.tasklane.sizing;

import java.time.Clock;

import io.tasklane.capacity.AllocationRepository;
import io.tasklane.capacity.ClusterLock;
import io.tasklane.common.RunId;
import io.tasklane.queue.DispatchRequests;
import io.tasklane.runtime.Deployments;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskRun;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the replica range of a run while it runs (see {@link ResizePlan} for the model). A daily
 * window asks ({@link #requestRange}); the run's own process applies it ({@link #apply}), so a resize never
 * races the run's other steps; a grow that had to wait for GPUs is deployed by {@link #deployAdded}.
 */
@Service
public class RunResizer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunResizer.class);

    private final RunService runs;
    private final ResizeRepository sizes;
    private final AllocationRepository allocations;
    private final ClusterLock clusterLock;
    private final Deployments deployments;
    private final DispatchRequests dispatch;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunResizer(RunService runs, ResizeRepository sizes, AllocationRepository allocations, ClusterLock clusterLock, Deployments deployments,
               DispatchRequests dispatch, ApplicationEventPublisher events, Clock clock) {
        this.runs = runs;
        this.sizes = sizes;
        this.allocations = allocations;
        this.clusterLock = clusterLock;
        this.deployments = deployments;
        this.dispatch = dispatch;
        this.events = events;
        this.clock = clock;
    }

    /** Asks the run to take the range [min, max]; its process applies it once this commits. */
    @Transactional
    public void requestRange(RunId runId, int min, int max) {
        sizes.setTarget(runId, min, max);
        events.publishEvent(new ResizeRequested(runId));
    }

    /** Sets the lower bound of a run that was just opened at its upper bound (a window started it). */
    @Transactional
    public void setMinReplicas(RunId runId, int min) {
        sizes.setMinReplicas(runId, min);
    }

    /**
     * Applies the range asked for. Returns true if a grow now waits in the queue (the process then waits
     * for GrowGranted). Holds the cluster's lock, as a dispatch pass does, so a pass never admits the run
     * or its grow at a size that is changing under it.
     */
    @Transactional
    public boolean apply(RunId runId) {
        TaskRun run = runs.get(runId);
        clusterLock.hold(run.cluster());
        RunSize size = sizes.lock(runId).orElseThrow();
        ResizePlan plan = ResizePlan.of(size);
        if (plan != ResizePlan.NOTHING && plan != ResizePlan.BOUNDS_ONLY && run.hasRoles()) {
            // A distributed job's world size is fixed when it starts (schedules refuse windows for one; this
            // is for a task that got roles after its window was set): keep its size.
            log.warn("Run {} stays at {} replica(s): a run with roles cannot be resized", runId, size.replicas());
            plan = ResizePlan.BOUNDS_ONLY;
        }
        if ((plan == ResizePlan.SHRINK || plan == ResizePlan.GROW) && !deployments.canResize(runId)) {
            // The runtime cannot change a deployed run's size (kubernetes, for now): keep it, take the bounds.
            log.warn("Run {} stays at {} replica(s): its runtime cannot resize a deployed run", runId, size.replicas());
            plan = ResizePlan.BOUNDS_ONLY;
        }
        switch (plan) {
            case NOTHING -> {
                return false;
            }
            case RESIZE_WAITING_RUN -> sizes.resized(runId, size.targetMax(), size.targetMin());
            case SHRINK -> {
                deployments.removeReplicas(runId, size.targetMax());
                allocations.releaseFrom(runId, size.targetMax());
                sizes.resized(runId, size.targetMax(), size.targetMin());
                deployments.applySize(runId);
                withdrawGrow(runId);
            }
            case BOUNDS_ONLY -> {
                sizes.resized(runId, size.replicas(), Math.min(size.targetMin(), size.replicas()));
                deployments.applySize(runId);
                withdrawGrow(runId);
            }
            case GROW -> sizes.requestGrow(runId, size.targetMax(), size.targetMin(), clock.instant());
        }
        dispatch.request(run.cluster());
        return plan == ResizePlan.GROW;
    }

    /** A grow still waiting is let go: its process, waiting for GPUs, hears that the grow is settled. */
    private void withdrawGrow(RunId runId) {
        if (sizes.withdrawGrow(runId, clock.instant())) {
            events.publishEvent(new GrowWithdrawn(runId));
        }
    }

    /** Deploys the replicas a granted grow added (none if it was withdrawn). Safe to repeat. */
    @Transactional
    public void deployAdded(RunId runId) {
        sizes.clearGrowSettled(runId);
        deployments.deployAdded(runId);
    }

    /** Whether the run's process has a settled grow (granted or withdrawn) still to hear of. */
    public boolean growSettledUnheard(RunId runId) {
        return sizes.growSettledUnheard(runId);
    }

    /** Whether the run has a range asked for that its process has not applied yet. */
    public boolean targetPending(RunId runId) {
        return sizes.targetPending(runId);
    }
}
