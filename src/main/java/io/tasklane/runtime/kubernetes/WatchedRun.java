package io.tasklane.runtime.kubernetes;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.tasklane.common.RunId;
import io.tasklane.runtime.InstanceListener;

/**
 * A run whose objects the reconcile loop reports on: its replicas' nodes, and what was last reported
 * for each, so a replica's change is told once however often the loop sees it.
 */
final class WatchedRun {

    final String runId;
    final String namespace;
    final boolean service;
    final boolean ray;
    final InstanceListener listener;
    /** Objects listed before this instant may predate the run's objects: they prove nothing about it. */
    final Instant since;
    private final Map<Integer, String> nodes = new ConcurrentHashMap<>();
    private final Map<Integer, ReplicaObservation> reported = new ConcurrentHashMap<>();

    WatchedRun(String runId, String namespace, boolean service, boolean ray, InstanceListener listener, Instant since) {
        this.runId = runId;
        this.namespace = namespace;
        this.service = service;
        this.ray = ray;
        this.listener = listener;
        this.since = since;
    }

    void watchReplica(int index, String node) {
        nodes.put(index, node);
    }

    /** Stops reporting on replica {@code index} (a shrink took it away). */
    void forgetReplica(int index) {
        nodes.remove(index);
        reported.remove(index);
    }

    Map<Integer, String> replicas() {
        return Map.copyOf(nodes);
    }

    /** True once every replica has ended: nothing more to report. */
    boolean isOver() {
        return nodes.keySet().stream().allMatch(i -> reported.containsKey(i) && reported.get(i).phase().isFinal());
    }

    /** Tells the listener what changed for replica {@code index}; an ended replica is never reported again. */
    void report(int index, ReplicaObservation seen) {
        ReplicaObservation last = reported.get(index);
        if (last != null && (last.phase().isFinal() || Objects.equals(last, seen))) {
            return;
        }
        boolean staleNote = last != null && last.diagnostic() != null && seen.diagnostic() == null;
        RunId id = new RunId(runId);
        switch (seen.phase()) {
            case PENDING, STARTED -> {
                if (seen.diagnostic() != null || staleNote) {
                    listener.waiting(id, index, seen.diagnostic());
                }
                if (seen.phase() == ReplicaObservation.Phase.STARTED) {
                    listener.started(id, index);
                }
            }
            case READY -> {
                if (staleNote) {
                    listener.waiting(id, index, null); // "Unschedulable" no longer holds once it serves
                }
                listener.ready(id, index);
            }
            case EXITED -> listener.exited(id, index, seen.exitCode(), seen.diagnostic());
            case FAILED -> listener.failed(id, index, seen.exitCode(), seen.diagnostic());
            case GONE -> listener.exited(id, index, null, seen.diagnostic());
        }
        reported.put(index, seen);
    }
}
