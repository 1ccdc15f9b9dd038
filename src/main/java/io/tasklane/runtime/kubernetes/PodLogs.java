package io.tasklane.runtime.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

import io.kubernetes.client.openapi.models.V1Pod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replica logs from {@code readNamespacedPodLog}, copied to a file per replica so that the API's tail
 * and download work as for the local runtime. The copy made just before a stop outlives the pod.
 */
@Component
class PodLogs {

    private static final Logger log = LoggerFactory.getLogger(PodLogs.class);

    private final KubernetesObjects objects;
    private final KubernetesRuntimeProperties properties;

    PodLogs(KubernetesObjects objects, KubernetesRuntimeProperties properties) {
        this.objects = objects;
        this.properties = properties;
    }

    /** The replica's current log, or the copy kept when it was stopped; empty if there is neither. */
    Optional<Path> fetch(String namespace, String runId, int index, boolean ray) {
        Path copy = copyOf(runId, index);
        try {
            Optional<String> pod = podOf(namespace, runId, index, ray);
            if (pod.isPresent()) {
                write(copy, objects.podLog(namespace, pod.get(), ray ? null : ReplicaPodFactory.CONTAINER, null));
                return Optional.of(copy);
            }
        } catch (KubernetesRefusedException e) {
            // 404: the pod is gone; 400: its container has not started yet, so there is no log to read.
            if (!e.isNotFound() && e.code() != 400) {
                throw e;
            }
        }
        return Files.isRegularFile(copy) ? Optional.of(copy) : Optional.empty();
    }

    /** Copies the log before the pod is deleted; a log that cannot be read is not a reason not to stop. */
    void keep(String namespace, String runId, int index, boolean ray) {
        try {
            fetch(namespace, runId, index, ray);
        } catch (RuntimeException e) {
            log.warn("Could not keep the log of replica {} of run {} before stopping it: {}", index, runId, e.toString());
        }
    }

    /** A Ray task's replica i is its i-th worker pod (by name), which KubeRay names itself. */
    private Optional<String> podOf(String namespace, String runId, int index, boolean ray) {
        if (!ray) {
            String name = TasklaneLabels.podName(runId, index);
            return objects.readPod(namespace, name).map(p -> name);
        }
        return objects.listPods(TasklaneLabels.RUN + "=" + runId + "," + TasklaneLabels.ROLE + "=ray-worker").stream()
                .map(V1Pod::getMetadata).map(m -> m.getName()).sorted(Comparator.naturalOrder()).skip(index).findFirst();
    }

    private Path copyOf(String runId, int index) {
        return properties.logsDir().resolve(runId).resolve("replica-" + index + ".log").toAbsolutePath();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text == null ? "" : text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log copy " + file, e);
        }
    }
}
