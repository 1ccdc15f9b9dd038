package io.tasklane.workflow;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tasklane.common.NotYetDeliverable;
import io.tasklane.common.OnCommitted;
import io.tasklane.common.RunId;
import io.tasklane.queue.RunsAdmitted;
import io.tasklane.runtime.Deployments;
import io.tasklane.runtime.ReplicasChanged;
import io.tasklane.runtime.RunInstance;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskRun;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves runs' processes on: looks at what the database says about a run, asks {@link NextSignal}
 * which message that means for what the process waits for, and correlates it. Called for every
 * committed change of a run's GPUs or replicas (an event, delivered until the run has moved on) and
 * by recovery after a start.
 */
@Component
class RunProgress {

    private static final Logger log = LoggerFactory.getLogger(RunProgress.class);
    private static final int MAX_RACES = 5;

    private final RunService runs;
    private final Deployments deployments;
    private final RuntimeService runtimeService;
    /** Runs being advanced right now, each with a flag saying "changed again meanwhile: look once more". */
    private final ConcurrentHashMap<String, AtomicBoolean> inFlight = new ConcurrentHashMap<>();

    RunProgress(RunService runs, Deployments deployments, RuntimeService runtimeService) {
        this.runs = runs;
        this.deployments = deployments;
        this.runtimeService = runtimeService;
    }

    @OnCommitted
    void on(RunsAdmitted admitted) {
        EachRun.settle(admitted.runIds(), this::advance, "CapacityGranted not taken yet");
    }

    @OnCommitted
    void on(ReplicasChanged changed) {
        advanceOrRetry(changed.runId());
    }

    private void advanceOrRetry(RunId runId) {
        if (!advance(runId)) {
            throw new NotYetDeliverable("run " + runId + " has a message due that its process did not take yet");
        }
    }

    /**
     * Delivers the message the run's state calls for, if any; false if one is still due (its process was
     * busy in a step each time it was tried). One thread advances a run at a time; a change reported
     * meanwhile makes that thread look once more instead of waiting for it (this call then returns true:
     * the looking is that thread's).
     */
    boolean advance(RunId runId) {
        AtomicBoolean again = new AtomicBoolean(true);
        AtomicBoolean running = inFlight.putIfAbsent(runId.value(), again);
        if (running != null) {
            running.set(true);
            return true;
        }
        Step last = Step.NOTHING_DUE;
        try {
            do {
                while (again.getAndSet(false)) {
                    // One message per look: what a delivered message leads to is decided by the process's own
                    // gateways (a job already exited when it is marked running), and every later change of the
                    // run publishes an event of its own, which looks again.
                    last = advanceOnce(runId);
                    for (int retry = 1; retry < MAX_RACES && last == Step.RACED; retry++) {
                        last = advanceOnce(runId);
                    }
                }
                inFlight.remove(runId.value(), again);
                // A change flagged after the last look but before the removal must not be lost.
            } while (again.get() && inFlight.putIfAbsent(runId.value(), again) == null);
        } catch (RuntimeException e) {
            inFlight.remove(runId.value(), again);
            log.debug("Run {} could not move on now: {}", runId, e.toString());
            throw e;
        }
        return last != Step.RACED;
    }

    private enum Step { NOTHING_DUE, DELIVERED, RACED }

    private Step advanceOnce(RunId runId) {
        Optional<TaskRun> found = runs.find(runId);
        if (found.isEmpty()) {
            return Step.NOTHING_DUE; // its task was deleted meanwhile
        }
        TaskRun run = found.get();
        if (run.isOver() || run.processInstanceId() == null) {
            return Step.NOTHING_DUE;
        }
        List<RunInstance> instances = deployments.instancesOf(runId);
        Optional<String> message = NextSignal.decide(run, instances, NextSignal.waitsOf(run, instances));
        if (message.isEmpty()) {
            return Step.NOTHING_DUE;
        }
        try {
            runtimeService.createMessageCorrelation(message.get()).processInstanceId(run.processInstanceId()).correlateWithResult();
            return Step.DELIVERED;
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException raced) {
            // Someone else moved the process meanwhile (it no longer waits where the run said); look again.
            return Step.RACED;
        }
    }
}
