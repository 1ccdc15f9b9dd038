package io.tasklane.workflow;

import io.tasklane.queue.Dispatcher;
import io.tasklane.task.RunProcesses;
import io.tasklane.task.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net: every few seconds, dispatch every cluster with waiting runs, deliver stop requests
 * that did not arrive, and move on every run whose state calls for a signal. Everything it does is also done at once by the
 * event that calls for it; this catches what a race or a crash dropped.
 */
@Component
class RunSweeper {

    private static final Logger log = LoggerFactory.getLogger(RunSweeper.class);

    private final Dispatcher dispatcher;
    private final RunRepository runs;
    private final RunProgress progress;
    private final RunProcesses processes;

    RunSweeper(Dispatcher dispatcher, RunRepository runs, RunProgress progress, RunProcesses processes) {
        this.dispatcher = dispatcher;
        this.runs = runs;
        this.progress = progress;
        this.processes = processes;
    }

    @Scheduled(fixedDelayString = "${tasklane.runs.sweep-interval:5s}", initialDelayString = "${tasklane.runs.sweep-interval:5s}")
    void sweep() {
        // Each item on its own: one that fails (a race with the event it makes up for) must not stop the rest.
        safely("dispatch", () -> dispatcher.clustersWithWaitingRuns().forEach(cluster -> safely(cluster, () -> dispatcher.dispatch(cluster))));
        safely("stop requests", () -> runs.stopRequestedNotStopping().forEach(pending -> safely(pending.runId().value(),
                () -> deliver(pending))));
        safely("signals", () -> runs.awaitingSignal().forEach(progress::advance));
    }

    private void deliver(RunRepository.PendingStop pending) {
        if (pending.kill()) {
            processes.requestKill(pending.runId());
        } else {
            processes.requestStop(pending.runId());
        }
    }

    private static void safely(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Sweep of {} failed; the next sweep retries: {}", what, e.toString());
        }
    }
}
