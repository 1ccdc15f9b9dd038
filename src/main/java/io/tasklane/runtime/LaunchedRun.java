package io.tasklane.runtime;

import java.util.List;

/**
 * Replicas launched inside a transaction that has not committed yet. Only once it commits are they
 * {@link #arm armed} (their exits and readiness reported); if it rolls back they are {@link #abort aborted},
 * so no replica runs that the database does not know of.
 */
public interface LaunchedRun {

    List<LaunchedReplica> replicas();

    /** Starts reporting readiness and exits to {@code listener}. */
    void arm(InstanceListener listener);

    /** Kills what was launched, at once. */
    void abort();
}
