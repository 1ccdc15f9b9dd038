package io.tasklane.runtime.kubernetes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.tasklane.capacity.Sku;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.ReplicaLaunch;
import io.tasklane.task.TaskSpec;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A Ray Serve task as a KubeRay {@code RayService} ({@code ray.io/v1}): a head without GPUs and one GPU
 * worker group with a worker per replica on the allocated nodes; Serve runs one application whose
 * import path is {@code <filePath>:<deploymentName>}.
 */
final class RayServiceFactory {

    static final String GROUP = "ray.io";
    static final String VERSION = "v1";
    static final String PLURAL = "rayservices";
    static final String APPLICATION = "default";
    static final String WORKER_GROUP = "gpu-workers";
    static final int SERVE_PORT = 8000;
    static final int DASHBOARD_PORT = 8265;

    private RayServiceFactory() {
    }

    static JsonObject rayService(LaunchRequest request, Sku sku, String namespace, String defaultShmSize,
                                 KubernetesRuntimeProperties.Ray ray) {
        JsonObject clusterConfig = new JsonObject();
        if (request.minReplicas() < request.maxReplicas()) {
            // A replica range (a daily schedule's window): Ray's autoscaler adds and removes workers within it.
            clusterConfig.addProperty("enableInTreeAutoscaling", true);
        }
        clusterConfig.add("headGroupSpec", headGroup(request, namespace, defaultShmSize, ray));
        JsonArray workers = new JsonArray();
        workers.add(workerGroup(request, sku, defaultShmSize));
        clusterConfig.add("workerGroupSpecs", workers);

        JsonObject spec = new JsonObject();
        spec.addProperty("serveConfigV2", serveConfig(request.spec().ray(), request.minReplicas(), request.maxReplicas(),
                sku.gpus() * request.spec().skuPerReplica()));
        spec.add("rayClusterConfig", clusterConfig);

        JsonObject rayService = new JsonObject();
        rayService.addProperty("apiVersion", GROUP + "/" + VERSION);
        rayService.addProperty("kind", "RayService");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("name", TasklaneLabels.runObjectName(request.runId().value()));
        metadata.addProperty("namespace", namespace);
        metadata.add("labels", JSON.getGson().toJsonTree(TasklaneLabels.ofRun(request.taskId().value(), request.runId().value())));
        rayService.add("metadata", metadata);
        rayService.add("spec", spec);
        return rayService;
    }

    /**
     * Serve's config: one application at route "/", as the local runtime writes it. A replica range becomes
     * the deployment's autoscaling bounds; a fixed size its number of replicas. Each replica asks Ray for
     * its GPUs ({@code ray_actor_options.num_gpus}), so it lands on a GPU worker and sees them.
     */
    static String serveConfig(io.tasklane.task.RayEntry entry, int minReplicas, int maxReplicas, int gpusPerReplica) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("name", APPLICATION);
        application.put("route_prefix", "/");
        application.put("import_path", entry.importPath());
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("name", entry.deploymentName());
        if (minReplicas < maxReplicas) {
            deployment.put("autoscaling_config", Map.of("min_replicas", minReplicas, "max_replicas", maxReplicas));
        } else {
            deployment.put("num_replicas", maxReplicas);
        }
        deployment.put("ray_actor_options", Map.of("num_gpus", gpusPerReplica));
        application.put("deployments", List.of(deployment));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(Map.of("applications", List.of(application)));
    }

    private static JsonObject headGroup(LaunchRequest request, String namespace, String defaultShmSize,
                                        KubernetesRuntimeProperties.Ray ray) {
        V1Container head = new V1Container().name("ray-head").image(request.spec().image())
                .env(ReplicaPodFactory.env(request, 0))
                .ports(List.of(port("gcs-server", 6379), port("dashboard", DASHBOARD_PORT), port("client", 10001),
                        port("serve", SERVE_PORT)))
                .resources(new V1ResourceRequirements().requests(Map.of("cpu", new Quantity(ray.headCpu()),
                        "memory", new Quantity(ray.headMemory()))))
                .volumeMounts(ReplicaPodFactory.mounts(request.spec()));
        JsonObject group = new JsonObject();
        JsonObject startParams = new JsonObject();
        startParams.addProperty("dashboard-host", "0.0.0.0");
        // The head holds no GPUs: every GPU of the run is a worker's.
        startParams.addProperty("num-gpus", "0");
        group.add("rayStartParams", startParams);
        group.add("template", template(request, "ray-head", new V1PodSpec().containers(List.of(head))
                .volumes(ReplicaPodFactory.volumes(request.spec(), defaultShmSize))));
        return group;
    }

    private static JsonObject workerGroup(LaunchRequest request, Sku sku, String defaultShmSize) {
        TaskSpec spec = request.spec();
        List<String> nodes = request.replicas().stream().map(ReplicaLaunch::node).distinct().toList();
        V1Container worker = new V1Container().name("ray-worker").image(spec.image())
                .env(ReplicaPodFactory.env(request, 0))
                .resources(ReplicaPodFactory.resources(sku, spec.skuPerReplica()))
                .volumeMounts(ReplicaPodFactory.mounts(spec));
        V1PodSpec podSpec = new V1PodSpec().affinity(ReplicaPodFactory.onNodes(nodes))
                .tolerations(List.of(ReplicaPodFactory.gpuToleration()))
                .containers(List.of(worker)).volumes(ReplicaPodFactory.volumes(spec, defaultShmSize));
        // A worker per replica: GPUs are held for the upper bound, the autoscaler may go down to the lower one.
        JsonObject group = new JsonObject();
        group.addProperty("groupName", WORKER_GROUP);
        group.addProperty("replicas", request.replicas().size());
        group.addProperty("minReplicas", Math.min(request.minReplicas(), request.replicas().size()));
        group.addProperty("maxReplicas", Math.max(request.maxReplicas(), request.replicas().size()));
        group.add("rayStartParams", new JsonObject());
        group.add("template", template(request, "ray-worker", podSpec));
        return group;
    }

    /**
     * A pod template whose metadata is labels only: the CRD's template metadata knows few fields, and the
     * client's model would add empty ones (ownerReferences) that a strict API server rejects.
     */
    private static JsonObject template(LaunchRequest request, String role, V1PodSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TasklaneLabels.TASK, request.taskId().value());
        labels.put(TasklaneLabels.RUN, request.runId().value());
        labels.put(TasklaneLabels.ROLE, role);
        JsonObject metadata = new JsonObject();
        metadata.add("labels", JSON.getGson().toJsonTree(labels));
        JsonObject template = new JsonObject();
        template.add("metadata", metadata);
        template.add("spec", tree(spec));
        return template;
    }

    private static V1ContainerPort port(String name, int number) {
        return new V1ContainerPort().name(name).containerPort(number);
    }

    private static JsonObject tree(Object model) {
        JsonElement element = JSON.getGson().toJsonTree(model);
        return element.getAsJsonObject();
    }
}
