package io.tasklane.runtime.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import io.tasklane.common.RunId;
import io.tasklane.task.RunRepository;
import io.tasklane.task.TaskRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes Tasklane's objects whose run is over (or unknown to the database): left behind by a stop
 * that failed half-way, a crash between create and rollback, or a run ended while Tasklane was down.
 * Objects of live runs are never touched: after a restart they are adopted instead.
 */
@Component
class OrphanCollector {

    private static final Logger log = LoggerFactory.getLogger(OrphanCollector.class);

    private final KubernetesObjects objects;
    private final RunRepository runs;
    private final WatchedRuns watched;
    private final KubernetesRuntimeProperties properties;

    OrphanCollector(KubernetesObjects objects, RunRepository runs, WatchedRuns watched, KubernetesRuntimeProperties properties) {
        this.objects = objects;
        this.runs = runs;
        this.watched = watched;
        this.properties = properties;
    }

    void collect(List<V1Pod> pods, List<Map<String, Object>> rayServices, List<V1Service> services) {
        long grace = properties.orphanGracePeriod().toSeconds();
        for (V1Pod pod : pods) {
            V1ObjectMeta meta = pod.getMetadata();
            if (meta.getDeletionTimestamp() == null && isOrphan(meta.getLabels())) {
                delete("pod", meta.getNamespace(), meta.getName(), () -> objects.deletePod(meta.getNamespace(), meta.getName(), grace));
            }
        }
        for (V1Service service : services) {
            V1ObjectMeta meta = service.getMetadata();
            if (isOrphan(meta.getLabels())) {
                delete("service", meta.getNamespace(), meta.getName(), () -> objects.deleteService(meta.getNamespace(), meta.getName()));
            }
        }
        for (Map<String, Object> rayService : rayServices) {
            Map<String, Object> meta = RayServiceStatusReading.map(rayService.get("metadata"));
            String namespace = (String) meta.get("namespace");
            String name = (String) meta.get("name");
            Object run = RayServiceStatusReading.map(meta.get("labels")).get(TasklaneLabels.RUN);
            if (meta.get("deletionTimestamp") == null && isOrphan(run == null ? Map.of() : Map.of(TasklaneLabels.RUN, run.toString()))) {
                delete("RayService", namespace, name, () -> objects.deleteRayService(namespace, name, grace));
            }
        }
    }

    /** An object is an orphan when its run has ended or does not exist; one without a run label is not ours to judge. */
    boolean isOrphan(Map<String, String> labels) {
        String runId = labels == null ? null : labels.get(TasklaneLabels.RUN);
        if (runId == null || runId.isBlank() || watched.isWatched(runId)) {
            return false;
        }
        Optional<TaskRun> run = runs.findById(new RunId(runId));
        return run.isEmpty() || run.get().isOver();
    }

    private static void delete(String kind, String namespace, String name, Runnable deletion) {
        try {
            deletion.run();
            log.info("Deleted orphan {} {}/{}: its run is over", kind, namespace, name);
        } catch (RuntimeException e) {
            log.warn("Could not delete orphan {} {}/{}: {}", kind, namespace, name, e.toString());
        }
    }
}
