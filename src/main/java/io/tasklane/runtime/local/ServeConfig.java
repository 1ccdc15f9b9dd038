package io.tasklane.runtime.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklane.task.RayEntry;

/**
 * The Serve config of a run's one application (Serve's {@code ServeDeploySchema}, as JSON): Serve's HTTP
 * proxy on 127.0.0.1 and the run's port, the application {@code <filePath>:<deploymentName>} at route
 * "/", and an override of its ingress deployment: the run's replicas ({@code num_replicas}, or with a
 * range Serve's {@code autoscaling_config}) and the GPUs each replica asks Ray for
 * ({@code ray_actor_options.num_gpus}: Ray hides every GPU from an actor that does not ask). The
 * deployment's name is left out: the driver fills in the ingress deployment's name once it has
 * imported the application, so the task names the bound application, not the deployment class.
 */
record ServeConfig(RayEntry entry, int port, int minReplicas, int maxReplicas, int gpusPerReplica) {

    static final String APPLICATION = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        Map<String, Object> deployment = new LinkedHashMap<>();
        if (minReplicas < maxReplicas) {
            deployment.put("autoscaling_config", Map.of("min_replicas", minReplicas, "max_replicas", maxReplicas));
        } else {
            deployment.put("num_replicas", maxReplicas);
        }
        deployment.put("ray_actor_options", Map.of("num_gpus", gpusPerReplica));
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("name", APPLICATION);
        application.put("route_prefix", "/");
        application.put("import_path", entry.importPath());
        application.put("deployments", List.of(deployment));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("http_options", Map.of("host", "127.0.0.1", "port", port));
        config.put("applications", List.of(application));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
