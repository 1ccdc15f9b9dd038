package io.tasklane.runtime.kubernetes;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import org.springframework.beans.factory.annotation.Qualifier;
import okhttp3.Call;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/**
 * The Kubernetes API as the runtime uses it: the few objects it creates, lists, reads and deletes,
 * each call retried and its errors classified by {@link KubernetesCalls}. Listing covers the one
 * configured namespace, or every namespace when each project has its own.
 */
@Component
class KubernetesObjects {

    private final CoreV1Api core;
    private final CustomObjectsApi custom;
    private final KubernetesCalls calls;
    private final KubernetesRuntimeProperties properties;

    KubernetesObjects(ApiClient client, KubernetesRuntimeProperties properties) {
        this.core = new CoreV1Api(client);
        this.custom = new CustomObjectsApi(client);
        this.calls = new KubernetesCalls(properties.apiAttempts(), properties.apiBackoff());
        this.properties = properties;
    }

    V1Pod createPod(V1Pod pod) {
        String ns = pod.getMetadata().getNamespace();
        return calls.run("create pod " + ns + "/" + pod.getMetadata().getName(), () -> core.createNamespacedPod(ns, pod).execute());
    }

    V1Service createService(V1Service service) {
        String ns = service.getMetadata().getNamespace();
        return calls.run("create service " + ns + "/" + service.getMetadata().getName(),
                () -> core.createNamespacedService(ns, service).execute());
    }

    void createRayService(JsonObject rayService) {
        JsonObject metadata = rayService.getAsJsonObject("metadata");
        String ns = metadata.get("namespace").getAsString();
        calls.run("create RayService " + ns + "/" + metadata.get("name").getAsString(), () -> custom.createNamespacedCustomObject(
                RayServiceFactory.GROUP, RayServiceFactory.VERSION, ns, RayServiceFactory.PLURAL, rayService).execute());
    }

    /** Replaces the RayService's spec (labels and metadata as given), at the resource version it was read at. */
    void replaceRayService(JsonObject rayService, String resourceVersion) {
        JsonObject metadata = rayService.getAsJsonObject("metadata");
        String ns = metadata.get("namespace").getAsString();
        String name = metadata.get("name").getAsString();
        metadata.addProperty("resourceVersion", resourceVersion);
        calls.run("replace RayService " + ns + "/" + name, () -> custom.replaceNamespacedCustomObject(
                RayServiceFactory.GROUP, RayServiceFactory.VERSION, ns, RayServiceFactory.PLURAL, name, rayService).execute());
    }

    Optional<V1Pod> readPod(String ns, String name) {
        return absentIfNotFound(() -> calls.run("read pod " + ns + "/" + name, () -> core.readNamespacedPod(name, ns).execute()));
    }

    Optional<V1Service> readService(String ns, String name) {
        return absentIfNotFound(() -> calls.run("read service " + ns + "/" + name, () -> core.readNamespacedService(name, ns).execute()));
    }

    Optional<Map<String, Object>> readRayService(String ns, String name) {
        return absentIfNotFound(() -> RayServiceStatusReading.map(calls.run("read RayService " + ns + "/" + name,
                () -> custom.getNamespacedCustomObject(RayServiceFactory.GROUP, RayServiceFactory.VERSION, ns,
                        RayServiceFactory.PLURAL, name).execute())));
    }

    List<V1Pod> listPods(String selector) {
        return calls.run("list pods", () -> properties.namespacePerProject()
                ? core.listPodForAllNamespaces().labelSelector(selector).execute().getItems()
                : core.listNamespacedPod(properties.namespace()).labelSelector(selector).execute().getItems());
    }

    List<V1Service> listServices(String selector) {
        return calls.run("list services", () -> properties.namespacePerProject()
                ? core.listServiceForAllNamespaces().labelSelector(selector).execute().getItems()
                : core.listNamespacedService(properties.namespace()).labelSelector(selector).execute().getItems());
    }

    /** Tasklane's RayServices; none where KubeRay is not installed (the API server does not know the kind). */
    List<Map<String, Object>> listRayServices(String selector) {
        Object list;
        try {
            list = listRayServiceObjects(selector);
        } catch (KubernetesRefusedException e) {
            if (e.isNotFound()) {
                return List.of();
            }
            throw e;
        }
        Object items = RayServiceStatusReading.map(list).get("items");
        return items instanceof List<?> l ? l.stream().map(RayServiceStatusReading::map).toList() : List.of();
    }

    private Object listRayServiceObjects(String selector) {
        return calls.run("list RayServices", () -> properties.namespacePerProject()
                ? custom.listCustomObjectForAllNamespaces(RayServiceFactory.GROUP, RayServiceFactory.VERSION, RayServiceFactory.PLURAL)
                        .labelSelector(selector).execute()
                : custom.listNamespacedCustomObject(RayServiceFactory.GROUP, RayServiceFactory.VERSION, properties.namespace(),
                        RayServiceFactory.PLURAL).labelSelector(selector).execute());
    }

    List<V1Node> listNodes(String selector) {
        return calls.run("list nodes", () -> core.listNode().labelSelector(selector).execute().getItems());
    }

    /** Deletes the pod with {@code graceSeconds} to stop; false if it was already gone. */
    boolean deletePod(String ns, String name, long graceSeconds) {
        return deleted(() -> calls.run("delete pod " + ns + "/" + name,
                () -> statusOnly(core.deleteNamespacedPod(name, ns).gracePeriodSeconds((int) graceSeconds).buildCall(null))));
    }

    boolean deleteService(String ns, String name) {
        return deleted(() -> calls.run("delete service " + ns + "/" + name,
                () -> statusOnly(core.deleteNamespacedService(name, ns).buildCall(null))));
    }

    /** Deletes the RayService; KubeRay's owner references take its Ray cluster and pods with it. */
    boolean deleteRayService(String ns, String name, long graceSeconds) {
        return deleted(() -> calls.run("delete RayService " + ns + "/" + name, () -> statusOnly(custom.deleteNamespacedCustomObject(
                RayServiceFactory.GROUP, RayServiceFactory.VERSION, ns, RayServiceFactory.PLURAL, name)
                .gracePeriodSeconds((int) graceSeconds).propagationPolicy("Foreground").buildCall(null))));
    }

    /**
     * Runs a delete and looks at its HTTP status only. The API server answers a delete with the object
     * or with a Status, and the client's typed call fails to read the Status as the object.
     */
    private static Void statusOnly(Call call) throws ApiException {
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), response.headers().toMultimap(), response.body().string());
            }
            return null;
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }

    /** The pod's log (at most the configured number of bytes), or the last {@code tailLines} lines of it. */
    String podLog(String ns, String name, String container, Integer tailLines) {
        return calls.run("read log of pod " + ns + "/" + name, () -> core.readNamespacedPodLog(name, ns)
                .container(container).tailLines(tailLines).limitBytes(properties.logLimitBytes()).execute());
    }

    private static <T> Optional<T> absentIfNotFound(java.util.function.Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (KubernetesRefusedException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean deleted(Runnable delete) {
        try {
            delete.run();
            return true;
        } catch (KubernetesRefusedException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }
}
