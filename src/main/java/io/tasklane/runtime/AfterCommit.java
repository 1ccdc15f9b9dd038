package io.tasklane.runtime;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runtime side effects tied to a deploy's transaction: watch launched replicas once it commits, kill them if
 * it rolls back, stop removed replicas outside every lock. (Modules tell each other what happened through
 * events, never through this.) Runs work once the current transaction has committed (at once when there is none). The committed
 * transaction's connection is still bound while the work runs: work that writes must open a transaction
 * of its own (REQUIRES_NEW, as Correlations and InstanceTracker do), or its writes join the finished one
 * and are committed only later, after whoever it tells has looked. A failure of the work is logged, never
 * thrown: the transaction's change is committed whatever the work does.
 */
final class AfterCommit {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // The change is committed: failing the caller now would tell them nothing was done.
                    log.error("Work after a commit failed; the committed change stands", e);
                }
            }
        });
    }

    /** Runs {@code work} if the current transaction rolls back. */
    static void onRollback(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    work.run();
                }
            }
        });
    }
}
