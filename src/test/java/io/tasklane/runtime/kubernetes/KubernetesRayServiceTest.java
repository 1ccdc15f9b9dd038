package io.tasklane.runtime.kubernetes;

import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.NS;
import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.unique;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.tasklane.common.RunId;
import io.tasklane.sizing.RunResizer;
import io.tasklane.support.Api;
import io.tasklane.support.CrdSchema;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.KubernetesMockConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/** Ray Serve tasks on the "kubernetes" cluster become RayServices; the test plays KubeRay by writing their status. */
@IntegrationTest
class KubernetesRayServiceTest extends KubernetesRunTest {

    @Autowired
    RunResizer resizer;

    @Test
    void aRayServeTaskIsReadyWhenItsApplicationRunsAndAnswersOnTheServeService() throws Exception {
        String task = create("chat", 2);
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        GenericKubernetesResource rayService = awaitRayService("tl-" + run);

        @SuppressWarnings("unchecked")
        Map<String, Object> asSent = kubelet.client().getKubernetesSerialization().convertValue(rayService, Map.class);
        assertThat(CrdSchema.load(KubernetesMockConfig.rayServiceCrd(), "v1").violations(asSent)).isEmpty();
        assertThat(rayService.get("spec", "serveConfigV2").toString()).contains("import_path: models.chat:app");
        assertThat((Object) rayService.get("spec", "rayClusterConfig", "workerGroupSpecs", 0, "replicas")).isEqualTo(2);

        kubelet.rayServiceStatus(NS, "tl-" + run, "DEPLOYING", null, false);
        await.instance(run, 1, i -> "Ray Serve application DEPLOYING".equals(i.path("message").asText()), "DEPLOYING");
        assertThat(alice.get("/api/v1/runs/" + run).json().get("state").asText()).isEqualTo("STARTING");
        kubelet.rayServiceStatus(NS, "tl-" + run, "RUNNING", null, true);

        JsonNode running = await.state(run, "RUNNING");
        assertThat(running.get("endpoint").asText()).isEqualTo("http://tl-" + run + "-serve-svc." + NS + ".svc:8000/");
        assertThat(running.get("dashboard").asText()).isEqualTo("http://tl-" + run + "-head-svc." + NS + ".svc:8265/");

        alice.post("/api/v1/tasks/" + task + "/stop", null);
        await.state(run, "STOPPED");
        assertThat(kubelet.client().genericKubernetesResources("ray.io/v1", "RayService").inNamespace(NS).withName("tl-" + run).get())
                .isNull();
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void aRunningApplicationIsNotReadyUntilTheRayServiceIsReady() {
        String task = create("notyet", 1);
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        awaitRayService("tl-" + run);

        kubelet.rayServiceStatus(NS, "tl-" + run, "RUNNING", null, false);
        await.instance(run, 0, i -> "Ray Serve application RUNNING".equals(i.path("message").asText()), "RUNNING, not Ready");
        assertThat(alice.get("/api/v1/runs/" + run).json().get("state").asText()).isEqualTo("STARTING");
        kubelet.rayServiceStatus(NS, "tl-" + run, "RUNNING", null, true);
        await.state(run, "RUNNING");

        alice.post("/api/v1/tasks/" + task + "/stop", null);
        await.state(run, "STOPPED");
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void aResizeUpdatesTheRunningRayServiceInPlace() throws Exception {
        String task = create("sized", 2);
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        awaitRayService("tl-" + run);
        kubelet.rayServiceStatus(NS, "tl-" + run, "RUNNING", null, true);
        await.state(run, "RUNNING");
        String uid = awaitRayService("tl-" + run).getMetadata().getUid();

        resizer.requestRange(new RunId(run), 1, 1);
        GenericKubernetesResource shrunk = awaitRayService("tl-" + run, r -> workers(r) == 1);
        assertThat(serveDeployment(shrunk)).containsEntry("num_replicas", 1).containsEntry("ray_actor_options", Map.of("num_gpus", 1));
        await.freeSkus("kubernetes", 15);
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().get("total").asInt()).isEqualTo(1);

        resizer.requestRange(new RunId(run), 1, 2);
        GenericKubernetesResource grown = awaitRayService("tl-" + run, r -> workers(r) == 2);
        assertThat(map(serveDeployment(grown).get("autoscaling_config"))).containsEntry("min_replicas", 1).containsEntry("max_replicas", 2);
        assertThat((Object) grown.get("spec", "rayClusterConfig", "workerGroupSpecs", 0, "minReplicas")).isEqualTo(1);
        assertThat((Object) grown.get("spec", "rayClusterConfig", "workerGroupSpecs", 0, "maxReplicas")).isEqualTo(2);
        assertThat(grown.getMetadata().getUid()).as("the same RayService, updated, not a new one").isEqualTo(uid);
        @SuppressWarnings("unchecked")
        Map<String, Object> asSent = kubelet.client().getKubernetesSerialization().convertValue(grown, Map.class);
        assertThat(CrdSchema.load(KubernetesMockConfig.rayServiceCrd(), "v1").violations(asSent)).isEmpty();
        await.freeSkus("kubernetes", 14);
        kubelet.rayServiceStatus(NS, "tl-" + run, "RUNNING", null, true); // KubeRay, once the added worker serves
        await.instance(run, 1, i -> "READY".equals(i.path("state").asText()), "the added replica READY");
        assertThat(alice.get("/api/v1/runs/" + run).json().get("state").asText()).isEqualTo("RUNNING");

        alice.post("/api/v1/tasks/" + task + "/stop", null);
        await.state(run, "STOPPED");
        await.freeSkus("kubernetes", 16);
    }

    private static int workers(GenericKubernetesResource rayService) {
        return ((Number) rayService.get("spec", "rayClusterConfig", "workerGroupSpecs", 0, "replicas")).intValue();
    }

    private static Map<String, Object> serveDeployment(GenericKubernetesResource rayService) {
        Map<String, Object> serveConfig = new Yaml().load((String) rayService.get("spec", "serveConfigV2"));
        return map(((List<?>) map(((List<?>) serveConfig.get("applications")).get(0)).get("deployments")).get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void aDeploymentThatServeCannotImportFailsTheRunWithServesMessage() {
        String task = create("broken", 1);
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        awaitRayService("tl-" + run);

        kubelet.rayServiceStatus(NS, "tl-" + run, "DEPLOY_FAILED", "ModuleNotFoundError: No module named 'models'", false);
        JsonNode ended = await.over(run);

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).endsWith("Ray Serve application DEPLOY_FAILED: ModuleNotFoundError: No module named 'models'");
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void theRayServicesCrdIsRegisteredInTheMock() {
        assertThat(kubelet.client().apiextensions().v1().customResourceDefinitions().withName("rayservices.ray.io").get()
                .getSpec().getVersions()).anyMatch(v -> v.getName().equals("v1") && v.getSchema() != null);
    }

    private GenericKubernetesResource awaitRayService(String name) {
        return awaitRayService(name, found -> true);
    }

    private GenericKubernetesResource awaitRayService(String name, java.util.function.Predicate<GenericKubernetesResource> condition) {
        return Awaitility.await("RayService " + name).atMost(Duration.ofSeconds(30))
                .until(() -> kubelet.client().genericKubernetesResources("ray.io/v1", "RayService").inNamespace(NS).withName(name).get(),
                        found -> found != null && condition.test(found));
    }

    private String create(String name, int replicas) {
        Api.Response created = alice.post("/api/v1/tasks", aTask().named(unique(name)).cluster("kubernetes").with("kind", "SERVICE")
                .with("image", "rayproject/ray:2.58.0-gpu").ray("models.chat", "app").replicas(replicas).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
