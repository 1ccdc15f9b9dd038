package io.tasklane.runtime.kubernetes;

/**
 * What the reconcile loop saw of one replica: where it is, its exit code if it ended, and a diagnostic a
 * person can act on ("ImagePullBackOff: ...", "Unschedulable: ...").
 */
record ReplicaObservation(Phase phase, Integer exitCode, String diagnostic) {

    enum Phase {
        /** Not running yet: scheduling, pulling, creating. */
        PENDING,
        /** Running, not (yet) serving. */
        STARTED,
        /** Serving. */
        READY,
        /** Ended on its own with an exit code. */
        EXITED,
        /** Cannot run and will not recover by itself (bad image, crash loop, deploy failure). */
        FAILED,
        /** Its object or its node is gone. */
        GONE;

        boolean isFinal() {
            return this == EXITED || this == FAILED || this == GONE;
        }
    }

    static ReplicaObservation pending(String diagnostic) {
        return new ReplicaObservation(Phase.PENDING, null, diagnostic);
    }

    static ReplicaObservation started() {
        return new ReplicaObservation(Phase.STARTED, null, null);
    }

    static ReplicaObservation ready() {
        return new ReplicaObservation(Phase.READY, null, null);
    }

    static ReplicaObservation exited(Integer exitCode, String diagnostic) {
        return new ReplicaObservation(Phase.EXITED, exitCode, diagnostic);
    }

    static ReplicaObservation failed(Integer exitCode, String diagnostic) {
        return new ReplicaObservation(Phase.FAILED, exitCode, diagnostic);
    }

    static ReplicaObservation gone(String diagnostic) {
        return new ReplicaObservation(Phase.GONE, null, diagnostic);
    }
}
