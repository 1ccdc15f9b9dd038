package io.tasklane.workflow;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tasklane.common.DaemonThreads;
import io.tasklane.runtime.Deployments;
import io.tasklane.runtime.RunInstance;
import io.tasklane.task.RunId;
import io.tasklane.task.RunProgressListener;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskRun;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves runs' processes on: looks at what the database says about a run, asks {@link NextSignal}
 * which message that means for what the process waits for, and correlates it. Called after every
 * committed change of a run (on a thread of its own) and by the periodic sweep, so a message lost
 * to a race or a crash is delivered later rather than never.
 */
@Component
class RunProgress implements RunProgressListener {

    private static final Logger log = LoggerFactory.getLogger(RunProgress.class);
    private static final int MAX_STEPS = 5;

    private final RunService runs;
    private final Deployments deployments;
    private final RuntimeService runtimeService;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, DaemonThreads.named("run-progress"));
    /** Runs being advanced right now, each with a flag saying "changed again meanwhile: look once more". */
    private final ConcurrentHashMap<String, AtomicBoolean> inFlight = new ConcurrentHashMap<>();

    RunProgress(RunService runs, Deployments deployments, RuntimeService runtimeService) {
        this.runs = runs;
        this.deployments = deployments;
        this.runtimeService = runtimeService;
    }

    @Override
    public void runChanged(String runId) {
        executor.execute(() -> advance(new RunId(runId)));
    }

    /**
     * Delivers every message the run's state calls for, one after the other. One thread advances a run
     * at a time; a change reported meanwhile makes that thread look once more instead of waiting for it.
     */
    void advance(RunId runId) {
        AtomicBoolean again = new AtomicBoolean(true);
        AtomicBoolean running = inFlight.putIfAbsent(runId.value(), again);
        if (running != null) {
            running.set(true);
            return;
        }
        try {
            do {
                while (again.getAndSet(false)) {
                    for (int step = 0; step < MAX_STEPS && advanceOnce(runId); step++) {
                        // each delivered message may make the next one due (ready, then exited)
                    }
                }
                inFlight.remove(runId.value(), again);
                // A change flagged after the last look but before the removal must not be lost.
            } while (again.get() && inFlight.putIfAbsent(runId.value(), again) == null);
        } catch (RuntimeException e) {
            inFlight.remove(runId.value(), again);
            log.warn("Run {} could not move on now; the sweep will retry: {}", runId, e.toString());
        }
    }

    private boolean advanceOnce(RunId runId) {
        TaskRun run = runs.get(runId);
        if (run.isOver() || run.processInstanceId() == null) {
            return false;
        }
        List<RunInstance> instances = deployments.instancesOf(runId);
        Optional<String> message = NextSignal.decide(run, instances, NextSignal.waitsOf(run, instances));
        if (message.isEmpty()) {
            return false;
        }
        try {
            runtimeService.createMessageCorrelation(message.get()).processInstanceId(run.processInstanceId()).correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException raced) {
            // Someone else moved the process meanwhile (it no longer waits where the run said); look again.
            return true;
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
