package io.tasklane.runtime.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;

/**
 * Reads a replica pod's phase, conditions and container states as a {@link ReplicaObservation}. A pure
 * function: the reconcile loop calls it on every pass, so reading the same pod twice gives the same answer.
 */
final class PodStatusReading {

    /** Waiting reasons that do not clear up by themselves: the task's image or config is wrong. */
    private static final Set<String> HOPELESS_WAITING = Set.of("ImagePullBackOff", "ErrImageNeverPull", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError");

    private PodStatusReading() {
    }

    static ReplicaObservation read(V1Pod pod, boolean service) {
        V1PodStatus status = pod.getStatus();
        if (status == null || status.getPhase() == null) {
            return ReplicaObservation.pending(null);
        }
        Optional<V1ContainerStatus> container = Optional.ofNullable(status.getContainerStatuses()).orElse(List.of())
                .stream().filter(c -> ReplicaPodFactory.CONTAINER.equals(c.getName())).findFirst();
        return switch (status.getPhase()) {
            case "Succeeded" -> ReplicaObservation.exited(0, null);
            case "Failed" -> ended(status, container);
            case "Running" -> running(status, container, service);
            default -> pending(status, container);
        };
    }

    private static ReplicaObservation pending(V1PodStatus status, Optional<V1ContainerStatus> container) {
        Optional<V1ContainerStateWaiting> waiting = container.map(V1ContainerStatus::getState).map(V1ContainerState::getWaiting);
        if (waiting.isPresent() && HOPELESS_WAITING.contains(waiting.get().getReason())) {
            return ReplicaObservation.failed(null, waiting.get().getReason() + ": " + imageOrMessage(container.get(), waiting.get()));
        }
        Optional<V1PodCondition> unschedulable = condition(status, "PodScheduled")
                .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()));
        if (unschedulable.isPresent()) {
            return ReplicaObservation.pending("Unschedulable: " + unschedulable.get().getMessage());
        }
        return ReplicaObservation.pending(waiting.map(w -> w.getReason() + (w.getMessage() == null ? "" : ": " + w.getMessage()))
                .orElse(null));
    }

    private static ReplicaObservation running(V1PodStatus status, Optional<V1ContainerStatus> container, boolean service) {
        Optional<V1ContainerStateWaiting> waiting = container.map(V1ContainerStatus::getState).map(V1ContainerState::getWaiting);
        if (waiting.isPresent() && "CrashLoopBackOff".equals(waiting.get().getReason())) {
            V1ContainerStateTerminated last = container.map(V1ContainerStatus::getLastState)
                    .map(V1ContainerState::getTerminated).orElse(null);
            Integer code = last == null ? null : last.getExitCode();
            String why = last == null ? "" : "; last exit code " + code + (last.getReason() == null ? "" : " (" + last.getReason() + ")");
            return ReplicaObservation.failed(code, "CrashLoopBackOff: restarted " + container.get().getRestartCount() + " time(s)" + why);
        }
        if (waiting.isPresent() && HOPELESS_WAITING.contains(waiting.get().getReason())) {
            return ReplicaObservation.failed(null, waiting.get().getReason() + ": " + imageOrMessage(container.get(), waiting.get()));
        }
        boolean ready = condition(status, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
        return service && ready ? ReplicaObservation.ready() : ReplicaObservation.started();
    }

    private static ReplicaObservation ended(V1PodStatus status, Optional<V1ContainerStatus> container) {
        V1ContainerStateTerminated terminated = container.map(V1ContainerStatus::getState)
                .map(V1ContainerState::getTerminated).orElse(null);
        if (terminated == null) {
            // The pod failed as a whole: evicted, rejected by the kubelet, its node lost.
            String reason = status.getReason() == null ? "Failed" : status.getReason();
            return ReplicaObservation.failed(null, reason + (status.getMessage() == null ? "" : ": " + status.getMessage()));
        }
        if ("OOMKilled".equals(terminated.getReason())) {
            return ReplicaObservation.failed(terminated.getExitCode(),
                    "OOMKilled: the container ran out of memory (exit code " + terminated.getExitCode() + ")");
        }
        String detail = terminated.getMessage() != null ? terminated.getMessage()
                : terminated.getReason() != null && !"Error".equals(terminated.getReason()) ? terminated.getReason() : null;
        return ReplicaObservation.exited(terminated.getExitCode(),
                detail == null ? null : "exited with code " + terminated.getExitCode() + ": " + detail);
    }

    private static String imageOrMessage(V1ContainerStatus container, V1ContainerStateWaiting waiting) {
        String image = "image '" + container.getImage() + "' could not be pulled";
        boolean pull = waiting.getReason() != null && waiting.getReason().contains("Image");
        String message = waiting.getMessage() == null ? "" : waiting.getMessage();
        return pull ? image + (message.isEmpty() ? "" : " (" + message + ")") : message;
    }

    private static Optional<V1PodCondition> condition(V1PodStatus status, String type) {
        return Optional.ofNullable(status.getConditions()).orElse(List.of()).stream()
                .filter(c -> type.equals(c.getType())).findFirst();
    }
}
