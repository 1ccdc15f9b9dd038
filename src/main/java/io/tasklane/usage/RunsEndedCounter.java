package io.tasklane.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tasklane.task.RunEnded;
import io.tasklane.task.TaskState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts runs ended, per cluster and outcome ({@code tasklane_runs_ended_total}), in the instance whose transaction ended
 * them, once that transaction has committed.
 * <p>
 * Why in memory and after commit rather than from the database: the runs table cannot give a counter, since deleting a
 * task deletes its runs (a count over it goes down), and no ledger of ends outlives them. A run's end commits exactly
 * once, in one instance ({@code RunService.finish} locks the run and ends it only if it is not over yet), so each end
 * is counted by exactly one instance: summed over instances the counters give every end once, a rolled-back end counts
 * nothing, and a restart is an ordinary counter reset that {@code increase()} handles. Hearing the event inside the
 * transaction and counting at commit keeps the end out of the event publication registry, whose redelivery (after a
 * restart, or by another instance) would count it a second time. The one loss: an instance that dies between the commit
 * and the increment, whose counter is gone with it anyway.
 */
@Component
class RunsEndedCounter {

    static final String NAME = "tasklane.runs.ended";

    private final MeterRegistry registry;

    RunsEndedCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(RunEnded ended) {
        Counter counter = of(registry, ended.cluster().value(), ended.state());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /**
     * The counter of {@code cluster} and {@code outcome}, registered if new. Every cluster's four are registered at start
     * (by {@link OperationsMetrics}) so each series exists from zero and {@code increase()} sees the first end too.
     */
    static Counter of(MeterRegistry registry, String cluster, TaskState outcome) {
        return Counter.builder(NAME).description("Runs ended, by outcome, in this instance").tag("cluster", cluster)
                .tag("outcome", outcome.name()).register(registry);
    }
}
