package io.tasklane.workflow;

import io.tasklane.capacity.AllocationRepository;
import io.tasklane.queue.GpuRelease;
import io.tasklane.runtime.Deployments;
import io.tasklane.task.RunId;
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
 * those that vanished (their runs fail with the reason), and frees GPUs held by runs that are over.
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
    private final TransactionTemplate transactions;

    RunRecovery(RunRepository runs, Deployments deployments, AllocationRepository allocations, GpuRelease release,
                RunProgress progress, TransactionTemplate transactions) {
        this.runs = runs;
        this.deployments = deployments;
        this.allocations = allocations;
        this.release = release;
        this.progress = progress;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String runId : allocations.heldByEndedRuns(TaskState.FINAL.stream().map(Enum::name).toList())) {
            transactions.executeWithoutResult(status -> release.release(new RunId(runId)));
            log.warn("Released GPUs still held by ended run {}", runId);
        }
        for (TaskRun run : runs.findActive()) {
            if (run.state() == TaskState.STARTING || run.state() == TaskState.RUNNING || run.state() == TaskState.STOPPING) {
                deployments.recover(run);
            }
            progress.advance(run.id());
        }
    }
}
