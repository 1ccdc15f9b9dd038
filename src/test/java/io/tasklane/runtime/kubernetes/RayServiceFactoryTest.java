package io.tasklane.runtime.kubernetes;

import static io.tasklane.runtime.kubernetes.Launches.aLaunch;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import io.tasklane.capacity.Sku;
import io.tasklane.support.CrdSchema;
import io.tasklane.support.KubernetesMockConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class RayServiceFactoryTest {

    static final KubernetesRuntimeProperties.Ray RAY = new KubernetesRuntimeProperties.Ray("2", "8Gi");

    @Test
    void serveRunsOneApplicationWhoseImportPathIsFileAndDeployment() {
        Map<String, Object> rayService = asMap(RayServiceFactory.rayService(aLaunch().ray("models.chat", "app").build(),
                Launches.L4, "team-a", "1Gi", RAY));

        Map<String, Object> serveConfig = new Yaml().load((String) at(rayService, "spec", "serveConfigV2"));
        List<Map<String, Object>> applications = list(serveConfig.get("applications"));
        assertThat(applications).hasSize(1);
        assertThat(applications.get(0)).containsEntry("import_path", "models.chat:app").containsEntry("route_prefix", "/")
                .containsEntry("name", "default");
        assertThat(at(rayService, "apiVersion")).isEqualTo("ray.io/v1");
        assertThat(at(rayService, "metadata", "name")).isEqualTo("tl-rabc123def456");
        assertThat(map(at(rayService, "metadata", "labels"))).containsEntry("tasklane.io/run", "rabc123def456");
    }

    @Test
    void aFixedSizeIsTheDeploymentsNumberOfReplicas() {
        Map<String, Object> rayService = asMap(RayServiceFactory.rayService(aLaunch().ray("models.chat", "app")
                .on("kube-gpu-1", "kube-gpu-2").build(), Launches.L4, "team-a", "1Gi", RAY));

        Map<String, Object> serveConfig = new Yaml().load((String) at(rayService, "spec", "serveConfigV2"));
        Map<String, Object> application = list(serveConfig.get("applications")).get(0);
        assertThat(list(application.get("deployments")).get(0)).containsEntry("name", "app").containsEntry("num_replicas", 2)
                .doesNotContainKey("autoscaling_config");
        assertThat(map(at(rayService, "spec", "rayClusterConfig"))).doesNotContainKey("enableInTreeAutoscaling");
    }

    @Test
    void aReplicaRangeBecomesTheAutoscalingBoundsOfTheDeploymentAndTheWorkers() {
        Map<String, Object> rayService = asMap(RayServiceFactory.rayService(aLaunch().ray("models.chat", "app")
                .on("kube-gpu-1", "kube-gpu-2", "kube-gpu-3").range(1).build(), Launches.L4, "team-a", "1Gi", RAY));

        Map<String, Object> serveConfig = new Yaml().load((String) at(rayService, "spec", "serveConfigV2"));
        Map<String, Object> deployment = list(list(serveConfig.get("applications")).get(0).get("deployments")).get(0);
        assertThat(map(deployment.get("autoscaling_config"))).containsEntry("min_replicas", 1).containsEntry("max_replicas", 3);
        assertThat(map(at(rayService, "spec", "rayClusterConfig"))).containsEntry("enableInTreeAutoscaling", true);
        Map<String, Object> workers = list(at(rayService, "spec", "rayClusterConfig", "workerGroupSpecs")).get(0);
        assertThat(workers).containsEntry("replicas", 3).containsEntry("minReplicas", 1).containsEntry("maxReplicas", 3);
    }

    @Test
    void aWorkerPerReplicaWithTheSkusGpusOnTheAllocatedNodesAndAHeadWithoutGpus() {
        Map<String, Object> rayService = asMap(RayServiceFactory.rayService(aLaunch().ray("serve_app", "app").skus(2)
                .on("kube-gpu-1", "kube-gpu-2", "kube-gpu-2").build(), new Sku(2, 8, 32), "team-a", "1Gi", RAY));

        Map<String, Object> workers = list(at(rayService, "spec", "rayClusterConfig", "workerGroupSpecs")).get(0);
        assertThat(workers).containsEntry("replicas", 3).containsEntry("minReplicas", 3).containsEntry("maxReplicas", 3);
        Map<String, Object> worker = list(at(workers, "template", "spec", "containers")).get(0);
        assertThat(map(at(worker, "resources", "limits"))).containsEntry("nvidia.com/gpu", "4");
        assertThat(map(at(worker, "resources", "requests"))).containsEntry("cpu", "16").containsEntry("memory", "64Gi");
        Map<String, Object> term = list(at(workers, "template", "spec", "affinity", "nodeAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms")).get(0);
        assertThat(list(term.get("matchFields")).get(0)).containsEntry("values", List.of("kube-gpu-1", "kube-gpu-2"));
        assertThat(map(at(workers, "template", "metadata", "labels"))).containsEntry("tasklane.io/role", "ray-worker");

        Map<String, Object> head = map(at(rayService, "spec", "rayClusterConfig", "headGroupSpec"));
        assertThat(map(head.get("rayStartParams"))).containsEntry("num-gpus", "0").containsEntry("dashboard-host", "0.0.0.0");
        Map<String, Object> headContainer = list(at(head, "template", "spec", "containers")).get(0);
        assertThat(list(headContainer.get("ports"))).extracting(p -> p.get("containerPort")).contains(8265, 8000);
        assertThat(map(at(headContainer, "resources", "limits"))).doesNotContainKey("nvidia.com/gpu");
    }

    @Test
    void everyRayServiceTasklaneMakesIsValidAgainstKubeRaysCrd() throws Exception {
        CrdSchema schema = CrdSchema.load(KubernetesMockConfig.rayServiceCrd(), "v1");

        for (Launches launch : List.of(aLaunch().ray("serve_app", "app"), aLaunch().ray("serve_app", "app").on("a", "b", "c").range(1),
                aLaunch().ray("models.chat", "app").skus(4).on("a", "b").env(Map.of("SHM_SIZE", "16Gi", "HF_HOME", "/cache"))
                        .storages(new io.tasklane.task.StorageMount("hf-cache", "/cache", false)))) {
            Map<String, Object> rayService = asMap(RayServiceFactory.rayService(launch.build(), Launches.L4, "team-a", "1Gi", RAY));
            assertThat(schema.violations(rayService)).isEmpty();
        }
    }

    @Test
    void theSchemaCheckCatchesAMisspelledOrMistypedField() throws Exception {
        CrdSchema schema = CrdSchema.load(KubernetesMockConfig.rayServiceCrd(), "v1");
        Map<String, Object> rayService = asMap(RayServiceFactory.rayService(aLaunch().ray("serve_app", "app").build(),
                Launches.L4, "team-a", "1Gi", RAY));
        Map<String, Object> workers = list(at(rayService, "spec", "rayClusterConfig", "workerGroupSpecs")).get(0);
        workers.put("replica", 1);
        workers.put("maxReplicas", "one");

        assertThat(schema.violations(rayService)).containsExactlyInAnyOrder(
                ".spec.rayClusterConfig.workerGroupSpecs[0].replica: unknown field",
                ".spec.rayClusterConfig.workerGroupSpecs[0].maxReplicas: expected an integer, got one");
    }

    /** Through JSON text and YAML, so numbers stay integers as the API server would read them. */
    static Map<String, Object> asMap(JsonObject json) {
        return new Yaml().load(json.toString());
    }

    static Object at(Map<String, Object> object, String... path) {
        Object current = object;
        for (String key : path) {
            current = map(current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
