package io.tasklane.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklane.task.RayEntry;
import org.junit.jupiter.api.Test;

/** Reading Serve's status as the driver writes it, and the Serve config Tasklane writes for it. */
class ServeStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servesOnlyWhenTheApplicationRunsTheCurrentConfigWithEveryReplica() throws Exception {
        ServeStatus status = ServeStatus.parse(status("RUNNING", "abc", 2, "RUNNING", "RUNNING"));

        assertThat(status.servingConfig("abc")).isTrue();
        assertThat(status.servingConfig("def")).as("a config not deployed yet").isFalse();
        assertThat(ServeStatus.parse(status("RUNNING", "abc", 2, "RUNNING", "STARTING")).servingConfig("abc")).isFalse();
        assertThat(ServeStatus.parse(status("DEPLOYING", "abc", 2, "RUNNING", "RUNNING")).servingConfig("abc")).isFalse();
    }

    @Test
    void countsRunningStartingAndWantedApartAndListsStayingReplicasOldestFirst() throws Exception {
        ServeStatus status = ServeStatus.parse(status("RUNNING", "abc", 2, "STARTING", "RUNNING", "STOPPING"));

        assertThat(status.running()).isEqualTo(1);
        assertThat(status.starting()).isEqualTo(1);
        assertThat(status.targetReplicas()).isEqualTo(2);
        assertThat(status.staying()).extracting(ServeStatus.Replica::id).containsExactly("r0", "r1");
        assertThat(status.staying().get(0).logFile()).isEqualTo("/tmp/ray/session_x/logs/serve/replica_default_Echo_r0.log");
    }

    @Test
    void deployFailedAndUnhealthyAreFailures() throws Exception {
        assertThat(ServeStatus.parse(status("DEPLOY_FAILED", "abc", 1)).failed()).isTrue();
        assertThat(ServeStatus.parse(status("UNHEALTHY", "abc", 1)).failed()).isTrue();
        assertThat(ServeStatus.parse(status("DEPLOYING", "abc", 1)).failed()).isFalse();
    }

    @Test
    void aLongTracebackKeepsItsStartAndTheErrorAtItsEnd() {
        String traceback = "Traceback (most recent call last):\n" + "  File \"x.py\", line 1\n".repeat(200)
                + "RuntimeError: the model weights are missing";

        String shown = RayServeRun.abbreviate(traceback);

        assertThat(shown.length()).isLessThanOrEqualTo(1500);
        assertThat(shown).startsWith("Traceback").endsWith("RuntimeError: the model weights are missing");
    }

    @Test
    void theConfigAsksForTheReplicasAndTheirGpus() throws Exception {
        JsonNode fixed = JSON.readTree(new ServeConfig(new RayEntry("models.chat", "app"), 8123, 2, 2, 2).toJson());
        assertThat(fixed.at("/http_options/port").asInt()).isEqualTo(8123);
        assertThat(fixed.at("/http_options/host").asText()).isEqualTo("127.0.0.1");
        assertThat(fixed.at("/applications/0/import_path").asText()).isEqualTo("models.chat:app");
        assertThat(fixed.at("/applications/0/route_prefix").asText()).isEqualTo("/");
        assertThat(fixed.at("/applications/0/deployments/0/num_replicas").asInt()).isEqualTo(2);
        assertThat(fixed.at("/applications/0/deployments/0/ray_actor_options/num_gpus").asInt()).isEqualTo(2);
        assertThat(fixed.at("/applications/0/deployments/0").has("name")).as("the driver names the ingress deployment").isFalse();

        JsonNode range = JSON.readTree(new ServeConfig(new RayEntry("models.chat", "app"), 8123, 1, 3, 0).toJson());
        assertThat(range.at("/applications/0/deployments/0/autoscaling_config/min_replicas").asInt()).isEqualTo(1);
        assertThat(range.at("/applications/0/deployments/0/autoscaling_config/max_replicas").asInt()).isEqualTo(3);
        assertThat(range.at("/applications/0/deployments/0").has("num_replicas")).isFalse();
    }

    private static JsonNode status(String application, String sha, int target, String... replicaStates) throws Exception {
        var replicas = JSON.createArrayNode();
        for (int i = 0; i < replicaStates.length; i++) {
            replicas.addObject().put("replica_id", "r" + i).put("state", replicaStates[i]).put("pid", 100 + i)
                    .put("node_ip", "127.0.0.1").put("start_time_s", 1000.0 + i)
                    .put("log_file_path", "/serve/replica_default_Echo_r" + i + ".log");
        }
        var root = JSON.createObjectNode().put("config_sha256", sha).put("logs_dir", "/tmp/ray/session_x/logs");
        var app = root.putObject("applications").putObject("default").put("status", application).put("message", "");
        var deployment = app.putObject("deployments").putObject("Echo").put("name", "Echo").put("target_num_replicas", target);
        deployment.set("replicas", replicas);
        return root;
    }
}
