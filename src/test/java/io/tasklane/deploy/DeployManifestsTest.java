package io.tasklane.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/ as kustomize would read it: every file a kustomization names exists, the manifests say what
 * the runtime needs (and its Role no more), and, where kubectl is installed, each overlay renders.
 */
class DeployManifestsTest {

    static final Path DEPLOY = Path.of("deploy");
    static final Set<String> CREDENTIAL_KEYS = Set.of("db-user", "db-password", "admin-user", "admin-password");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "base"})
    void everyFileAKustomizationNamesExists(String dir) throws IOException {
        Map<String, Object> kustomization = load(DEPLOY.resolve(dir).resolve("kustomization.yaml")).get(0);
        List<String> named = new ArrayList<>();
        for (String key : List.of("bases", "resources", "patchesStrategicMerge")) {
            named.addAll(strings(kustomization.get(key)));
        }
        for (Object patch : list(kustomization.get("patchesJson6902"))) {
            named.add((String) map(patch).get("path"));
        }
        assertThat(named).isNotEmpty();
        for (String path : named) {
            Path target = DEPLOY.resolve(dir).resolve(path).normalize();
            assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                    .as(dir + " names " + path).isTrue();
        }
    }

    @Test
    void tasklaneRunsTwoReplicasUnderItsServiceAccountWithCredentialsFromOneSecret() throws IOException {
        Map<String, Object> deployment = only(base(), "Deployment");
        Map<String, Object> podSpec = map(map(map(deployment.get("spec")).get("template")).get("spec"));

        assertThat(map(deployment.get("spec")).get("replicas")).isEqualTo(2);
        assertThat(podSpec.get("serviceAccountName")).isEqualTo(name(only(base(), "ServiceAccount")));
        List<Map<String, Object>> secretRefs = new ArrayList<>();
        for (Object env : list(map(list(podSpec.get("containers")).get(0)).get("env"))) {
            Map<String, Object> valueFrom = map(map(env).get("valueFrom"));
            if (valueFrom.containsKey("secretKeyRef")) {
                secretRefs.add(map(valueFrom.get("secretKeyRef")));
            }
        }
        assertThat(secretRefs).extracting(r -> r.get("name")).containsOnly("tasklane-credentials");
        assertThat(secretRefs).extracting(r -> (String) r.get("key")).containsExactlyInAnyOrderElementsOf(CREDENTIAL_KEYS);
        assertThat(name(only(base(), "Service"))).isEqualTo("tasklane");
    }

    @Test
    void theRuntimesRolesGrantExactlyWhatItTouches() throws IOException {
        assertThat(rules(only(base(), "Role"))).containsExactlyInAnyOrder(
                "/pods create,get,list,delete", "/services create,get,list,delete", "/pods/log get",
                "ray.io/rayservices create,get,list,delete");
        assertThat(rules(only(base(), "ClusterRole"))).containsExactly("/nodes get,list");
    }

    @Test
    void theConfigMapDeclaresAKubernetesClusterAndNoLocalOne() throws IOException {
        Map<String, Object> config = new Yaml().load((String) map(only(base(), "ConfigMap").get("data")).get("application.yaml"));
        Map<String, Object> capacity = map(map(config.get("tasklane")).get("capacity"));

        assertThat(map(capacity.get("local")).get("enabled")).isEqualTo(false);
        assertThat(list(capacity.get("clusters"))).extracting(c -> map(c).get("runtime")).containsOnly("kubernetes");
    }

    @Test
    void devBringsItsOwnDatabaseAndCredentialsAndProdNeither() throws IOException {
        Map<String, Object> dev = load(DEPLOY.resolve("overlays/dev/kustomization.yaml")).get(0);
        Map<String, Object> prod = load(DEPLOY.resolve("overlays/prod/kustomization.yaml")).get(0);

        assertThat(load(DEPLOY.resolve("overlays/dev/postgres.yaml"))).extracting(d -> d.get("kind")).contains("StatefulSet", "Service");
        Map<String, Object> secret = map(list(dev.get("secretGenerator")).get(0));
        assertThat(secret.get("name")).isEqualTo("tasklane-credentials");
        assertThat(strings(secret.get("literals"))).extracting(l -> l.substring(0, l.indexOf('='))).containsExactlyInAnyOrderElementsOf(CREDENTIAL_KEYS);
        assertThat(prod).doesNotContainKey("secretGenerator");
        assertThat(strings(prod.get("resources"))).noneMatch(r -> r.contains("postgres"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachOverlayRendersWithKubectl(String overlay) throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed here (.ci/run installs it)");
        List<Map<String, Object>> objects = render(DEPLOY.resolve("overlays").resolve(overlay));
        Set<String> kinds = new HashSet<>();
        objects.forEach(o -> kinds.add((String) o.get("kind")));
        assertThat(kinds).contains("Deployment", "Service", "ServiceAccount", "Role", "RoleBinding", "ClusterRole",
                "ClusterRoleBinding", "ConfigMap", "Namespace");
        assertThat(kinds.contains("StatefulSet")).isEqualTo(overlay.equals("dev"));
        String namespace = overlay.equals("dev") ? "tasklane-dev" : "tasklane";
        objects.stream().filter(o -> !Set.of("Namespace", "ClusterRole", "ClusterRoleBinding").contains(o.get("kind")))
                .forEach(o -> assertThat(map(o.get("metadata")).get("namespace")).as(o.get("kind") + " " + name(o)).isEqualTo(namespace));
        Map<String, Object> binding = objects.stream().filter(o -> "ClusterRoleBinding".equals(o.get("kind"))).findFirst().orElseThrow();
        assertThat(map(list(binding.get("subjects")).get(0)).get("namespace")).isEqualTo(namespace);
    }

    @Test
    void theMonitoringComponentAddsAServiceMonitorTheDashboardAndTheScrapeUser() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed here (.ci/run installs it)");
        // An overlay as a user would write it: prod plus the optional component (kustomize wants relative paths).
        Path overlay = Path.of("target", "kustomize-monitoring");
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                resources:
                  - ../../deploy/overlays/prod
                components:
                  - ../../deploy/components/monitoring
                """);
        List<Map<String, Object>> objects = render(overlay);

        Map<String, Object> monitor = only(objects, "ServiceMonitor");
        Map<String, Object> endpoint = map(list(map(monitor.get("spec")).get("endpoints")).get(0));
        assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
        assertThat(endpoint.get("port")).isEqualTo("http");
        Map<String, Object> service = only(objects, "Service");
        assertThat(map(map(service.get("metadata")).get("labels")))
                .as("the ServiceMonitor's selector matches Tasklane's Service")
                .containsAllEntriesOf(map(map(map(monitor.get("spec")).get("selector")).get("matchLabels")));
        assertThat(map(map(endpoint.get("basicAuth")).get("username")).get("name")).isEqualTo("tasklane-scrape");

        Map<String, Object> container = map(list(map(map(map(only(objects, "Deployment").get("spec")).get("template")).get("spec"))
                .get("containers")).get(0));
        List<String> secretEnv = list(container.get("env")).stream().map(DeployManifestsTest::map)
                .filter(e -> map(map(e.get("valueFrom")).get("secretKeyRef")).get("name") != null
                        && map(map(e.get("valueFrom")).get("secretKeyRef")).get("name").equals("tasklane-scrape"))
                .map(e -> (String) e.get("name")).toList();
        assertThat(secretEnv).containsExactlyInAnyOrder("TASKLANE_METRICS_SCRAPE_USER", "TASKLANE_METRICS_SCRAPE_PASSWORD");

        Map<String, Object> dashboard = objects.stream().filter(o -> "ConfigMap".equals(o.get("kind"))
                && "tasklane-grafana-dashboard".equals(name(o))).findFirst().orElseThrow();
        assertThat(map(map(dashboard.get("metadata")).get("labels"))).containsEntry("grafana_dashboard", "1");
        assertThat((String) map(dashboard.get("data")).get("tasklane-dashboard.json")).contains("\"uid\": \"tasklane\"");
    }

    @Test
    void everyDashboardPanelQueriesPrometheus() throws IOException {
        com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(DEPLOY.resolve("components/monitoring/tasklane-dashboard.json").toFile());
        List<String> titles = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode panel : dashboard.get("panels")) {
            if (!"row".equals(panel.get("type").asText())) {
                titles.add(panel.get("title").asText());
                assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
                panel.get("targets").forEach(t -> assertThat(t.get("expr").asText()).as(panel.get("title").asText()).isNotBlank());
            }
        }
        assertThat(titles).hasSizeGreaterThanOrEqualTo(10);
    }

    /**
     * deploy/base runs two replicas, and each reports the figures it reads from the database (queues, SKUs, runs by
     * state, GPU-hours, the engine's jobs) the same: a panel takes their max, since a sum would count each twice. What an
     * instance counts of its own work (admissions, waits and passes it timed, runs it ended, its thread pool) adds up
     * over instances: a panel sums it. A metric not named here is taken for a database figure.
     */
    @Test
    void databaseFiguresAreTakenOnceAndEachInstancesOwnCountsAreSummed() throws IOException {
        Set<String> perInstance = Set.of("tasklane_admissions_total", "tasklane_queue_wait_seconds_bucket",
                "tasklane_dispatch_pass_seconds_bucket", "tasklane_runs_ended_total", "executor_active_threads", "executor_queued_tasks");
        com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(DEPLOY.resolve("components/monitoring/tasklane-dashboard.json").toFile());
        List<String> checked = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode panel : dashboard.get("panels")) {
            for (com.fasterxml.jackson.databind.JsonNode target : panel.path("targets")) {
                String expr = target.get("expr").asText();
                PromQl.firstAggregations(expr).forEach((metric, aggregation) -> {
                    assertThat(aggregation).as(panel.get("title").asText() + ": " + expr)
                            .isEqualTo(perInstance.contains(metric) ? "sum" : "max");
                    checked.add(metric);
                });
            }
        }
        assertThat(checked).as("database figures and per-instance counters both queried")
                .contains("tasklane_runs", "tasklane_cluster_skus_used", "tasklane_gpu_hours_total", "tasklane_runs_ended_total");
    }

    private static List<Map<String, Object>> render(Path kustomization) throws Exception {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString()).start();
        String rendered = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(errors).isZero();
        List<Map<String, Object>> objects = new ArrayList<>();
        new Yaml().loadAll(rendered).forEach(d -> objects.add(map(d)));
        return objects;
    }

    private static List<String> rules(Map<String, Object> role) {
        List<String> rules = new ArrayList<>();
        for (Object rule : list(role.get("rules"))) {
            Map<String, Object> r = map(rule);
            for (String group : strings(r.get("apiGroups"))) {
                for (String resource : strings(r.get("resources"))) {
                    rules.add(group + "/" + resource + " " + String.join(",", strings(r.get("verbs"))));
                }
            }
        }
        return rules;
    }

    private static List<Map<String, Object>> base() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String file : strings(load(DEPLOY.resolve("base/kustomization.yaml")).get(0).get("resources"))) {
            objects.addAll(load(DEPLOY.resolve("base").resolve(file)));
        }
        return objects;
    }

    private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> matching = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertThat(matching).as("objects of kind " + kind).hasSize(1);
        return matching.get(0);
    }

    private static String name(Map<String, Object> object) {
        return (String) map(object.get("metadata")).get("name");
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(Files.readString(file)).forEach(d -> documents.add(map(d)));
        return documents;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
