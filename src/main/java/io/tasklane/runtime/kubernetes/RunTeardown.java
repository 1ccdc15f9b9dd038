package io.tasklane.runtime.kubernetes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Deletes a run's objects: its replica pods, its Service and its RayService (whichever it has; one
 * that is not there is no error), then waits until the API server no longer has them, so GPUs are
 * released only once nothing runs on them.
 */
@Component
class RunTeardown {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KubernetesObjects objects;
    private final KubernetesRuntimeProperties properties;
    private final Clock clock;

    RunTeardown(KubernetesObjects objects, KubernetesRuntimeProperties properties, Clock clock) {
        this.objects = objects;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes with {@code grace} and waits; throws if the objects outlive the grace period plus the deletion timeout. */
    void delete(String namespace, String runId, List<Integer> replicas, Duration grace) {
        long seconds = Math.max(0, grace.toSeconds());
        String name = TasklaneLabels.runObjectName(runId);
        for (int index : replicas) {
            objects.deletePod(namespace, TasklaneLabels.podName(runId, index), seconds);
        }
        objects.deleteService(namespace, name);
        objects.deleteRayService(namespace, name, seconds);
        awaitGone(namespace, runId, replicas, clock.instant().plus(grace).plus(properties.deletionTimeout()));
    }

    private void awaitGone(String namespace, String runId, List<Integer> replicas, Instant deadline) {
        while (true) {
            List<String> left = remaining(namespace, runId, replicas);
            if (left.isEmpty()) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new KubernetesUnavailableException("run " + runId + ": still present after deletion: " + left, null);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubernetesUnavailableException("interrupted while waiting for run " + runId + "'s objects to go", e);
            }
        }
    }

    private List<String> remaining(String namespace, String runId, List<Integer> replicas) {
        List<String> left = new ArrayList<>();
        for (int index : replicas) {
            String pod = TasklaneLabels.podName(runId, index);
            objects.readPod(namespace, pod).ifPresent(p -> left.add("pod " + pod));
        }
        String name = TasklaneLabels.runObjectName(runId);
        objects.readService(namespace, name).ifPresent(s -> left.add("service " + name));
        objects.readRayService(namespace, name).ifPresent(r -> left.add("RayService " + name));
        return left;
    }
}
