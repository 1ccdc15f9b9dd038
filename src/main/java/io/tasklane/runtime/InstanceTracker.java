package io.tasklane.runtime;

import java.time.Clock;

import io.tasklane.common.RunId;
import io.tasklane.task.TaskKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what runtimes report into {@code run_instance}, each report in its own transaction that also
 * publishes {@link ReplicasChanged}. An exit after Tasklane stopped a replica changes nothing.
 */
@Component
public class InstanceTracker {

    private final InstanceRepository instances;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InstanceTracker(InstanceRepository instances, PlatformTransactionManager transactionManager,
                    ApplicationEventPublisher events, Clock clock) {
        this.instances = instances;
        // Always a transaction of its own: a report can come from an after-commit callback (a job's process
        // that ended before the deploy committed is reported as soon as it is watched), where joining
        // the finished transaction would leave the write (and its event) uncommitted when the process is told.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    /** The listener a runtime reports to for a run of {@code kind}. */
    public InstanceListener listenerFor(TaskKind kind) {
        return new InstanceListener() {
            @Override
            public void ready(RunId runId, int index) {
                record(runId, () -> instances.markReady(runId, index, clock.instant()));
            }

            @Override
            public void exited(RunId runId, int index, Integer exitCode, String message) {
                InstanceState state = ended(kind, exitCode);
                String diagnostic = message != null ? message : describe(kind, exitCode);
                record(runId, () -> instances.markEnded(runId, index, state, exitCode, diagnostic, clock.instant()));
            }

            @Override
            public void started(RunId runId, int index) {
                record(runId, () -> instances.markStarted(runId, index));
            }

            @Override
            public void failed(RunId runId, int index, Integer exitCode, String message) {
                record(runId, () -> instances.markEnded(runId, index, InstanceState.FAILED, exitCode, message, clock.instant()));
            }

            @Override
            public void serving(RunId runId, int index, String description, String logPath) {
                // A note too: which Serve replica is this slot's and where its log is.
                transactions.executeWithoutResult(status -> instances.noteServing(runId, index, description, logPath));
            }

            @Override
            public void waiting(RunId runId, int index, String diagnostic) {
                // Only a note for people reading the instance: the run's process has nothing to decide.
                transactions.executeWithoutResult(status -> instances.noteWaiting(runId, index, diagnostic));
            }
        };
    }

    /** A job's replica succeeded with exit 0; anything else, and a service ending at all, is a failure. */
    static InstanceState ended(TaskKind kind, Integer exitCode) {
        if (exitCode == null) {
            return InstanceState.LOST;
        }
        return kind == TaskKind.JOB && exitCode == 0 ? InstanceState.EXITED : InstanceState.FAILED;
    }

    static String describe(TaskKind kind, Integer exitCode) {
        if (exitCode == null) {
            return "the replica ended and its exit code is unknown";
        }
        if (exitCode == 0) {
            return kind == TaskKind.JOB ? "exited with code 0" : "a service replica exited on its own (code 0)";
        }
        if (exitCode > 128) {
            return "killed by signal " + (exitCode - 128) + " (exit code " + exitCode + ")";
        }
        return "exited with code " + exitCode;
    }

    private void record(RunId runId, java.util.function.BooleanSupplier change) {
        transactions.executeWithoutResult(status -> {
            if (change.getAsBoolean()) {
                notifyChanged(runId);
            }
        });
    }

    /** Tells the run's process, once the caller's transaction commits, that its replicas changed. */
    public void notifyChanged(RunId runId) {
        events.publishEvent(new ReplicasChanged(runId));
    }
}
