package io.tasklane.runtime.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import io.tasklane.runtime.DeployFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one run's objects. A 409 means the object exists: if it carries this run's label it is the
 * product of an earlier attempt (a retried deployment, a crash between create and commit) and is
 * taken over; if it belongs to anything else, the deployment fails saying so.
 */
final class ObjectCreation {

    private static final Logger log = LoggerFactory.getLogger(ObjectCreation.class);

    private final KubernetesObjects objects;
    private final String runId;
    /** What this launch may take back: objects it created or took over, as deletions to run. */
    private final List<Runnable> undo = new ArrayList<>();

    ObjectCreation(KubernetesObjects objects, String runId) {
        this.objects = objects;
        this.runId = runId;
    }

    void pod(V1Pod pod) {
        V1ObjectMeta meta = pod.getMetadata();
        try {
            objects.createPod(pod);
        } catch (KubernetesRefusedException e) {
            if (!e.isConflict()) {
                throw e;
            }
            adoptOrFail("pod", meta.getNamespace(), meta.getName(),
                    objects.readPod(meta.getNamespace(), meta.getName()).map(p -> p.getMetadata().getLabels()));
        }
        undo.add(() -> objects.deletePod(meta.getNamespace(), meta.getName(), 0));
    }

    void service(V1Service service) {
        V1ObjectMeta meta = service.getMetadata();
        try {
            objects.createService(service);
        } catch (KubernetesRefusedException e) {
            if (!e.isConflict()) {
                throw e;
            }
            adoptOrFail("service", meta.getNamespace(), meta.getName(),
                    objects.readService(meta.getNamespace(), meta.getName()).map(s -> s.getMetadata().getLabels()));
        }
        undo.add(() -> objects.deleteService(meta.getNamespace(), meta.getName()));
    }

    void rayService(JsonObject rayService) {
        JsonObject meta = rayService.getAsJsonObject("metadata");
        String namespace = meta.get("namespace").getAsString();
        String name = meta.get("name").getAsString();
        try {
            objects.createRayService(rayService);
        } catch (KubernetesRefusedException e) {
            if (!e.isConflict()) {
                throw e;
            }
            adoptOrFail("RayService", namespace, name, objects.readRayService(namespace, name)
                    .map(r -> RayServiceStatusReading.map(r.get("metadata")).get("labels"))
                    .map(RayServiceStatusReading::map)
                    .map(ObjectCreation::asStrings));
        }
        undo.add(() -> objects.deleteRayService(namespace, name, 0));
    }

    /**
     * Deletes at once what this launch created or took over, and nothing else: an object of the same
     * name that belongs to someone else stays. Best effort: what is left is an orphan for the reconcile loop.
     */
    void undo() {
        for (Runnable deletion : undo) {
            try {
                deletion.run();
            } catch (RuntimeException e) {
                log.warn("Could not delete an object of run {} after its launch failed: {}", runId, e.toString());
            }
        }
    }

    private void adoptOrFail(String kind, String namespace, String name, Optional<Map<String, String>> labels) {
        String owner = labels.map(l -> l.get(TasklaneLabels.RUN)).orElse(null);
        if (!runId.equals(owner)) {
            throw new DeployFailedException(kind + " " + namespace + "/" + name + " already exists and does not belong to run "
                    + runId + (owner == null ? "" : " (it belongs to run " + owner + ")") + "; delete it or rename it", null);
        }
        log.info("{} {}/{} already exists for run {} (an earlier attempt): taking it over", kind, namespace, name, runId);
    }

    private static Map<String, String> asStrings(Map<String, Object> labels) {
        Map<String, String> strings = new java.util.HashMap<>();
        labels.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }
}
