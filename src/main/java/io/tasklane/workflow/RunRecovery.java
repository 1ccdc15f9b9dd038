package io.tasklane.workflow;

import io.tasklane.capacity.AllocationRepository;
import io.tasklane.common.RunId;
import io.tasklane.queue.DispatchRequests;
import io.tasklane.queue.Dispatcher;
import io.tasklane.queue.GpuRelease;
import io.tasklane.runtime.Deployments;
import io.tasklane.task.RunRepository;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a start (a restart, or a crash), reconciles what runs with what the database says. The
 * engine resumes its own waits and jobs; this takes replicas that survived back under watch, records
 * those that vanished (their runs fail with the reason), frees GPUs held by runs that are over, moves on
 * every run whose state calls for a message, and asks for a dispatch pass over every cluster with runs
 * waiting. (Events a crash left undelivered are handed over again by Spring Modulith at start too.)
 */
@Component
@Order(40)
class RunRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

    private final RunRepository runs;
    private final Deployments deployments;
    private final AllocationRepository allocations;
    private final GpuRelease release;
    private final RunProgress progress;
    private final Dispatcher dispatcher;
    private final DispatchRequests dispatch;
    private final TransactionTemplate transactions;

    RunRecovery(RunRepository runs, Deployments deployments, AllocationRepository allocations, GpuRelease release,
                RunProgress progress, Dispatcher dispatcher, DispatchRequests dispatch, TransactionTemplate transactions) {
        this.runs = runs;
        this.deployments = deployments;
        this.allocations = allocations;
        this.release = release;
        this.progress = progress;
        this.dispatcher = dispatcher;
        this.dispatch = dispatch;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (RunId runId : allocations.heldByEndedRuns(TaskState.FINAL.stream().map(Enum::name).toList())) {
            transactions.executeWithoutResult(status -> release.release(runId));
            log.warn("Released GPUs still held by ended run {}", runId);
        }
        for (TaskRun run : runs.findActive()) {
            if (run.state() == TaskState.STARTING || run.state() == TaskState.RUNNING || run.state() == TaskState.STOPPING) {
                // Publishes ReplicasChanged: the run is moved on, and again until its process takes what is due.
                deployments.recover(run);
            }
        }
        for (RunId runId : runs.awaitingSignal()) {
            try {
                progress.advance(runId);
            } catch (RuntimeException e) {
                // What a crash left undelivered is in the event registry too, and delivered again from there.
                log.warn("Run {} could not move on at start; its pending event moves it: {}", runId, e.toString());
            }
        }
        dispatcher.clustersWithWaitingRuns().forEach(dispatch::request);
    }
}
