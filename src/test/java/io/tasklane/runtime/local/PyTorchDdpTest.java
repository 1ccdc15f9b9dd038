package io.tasklane.runtime.local;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.TorchVenv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real PyTorch DDP job on the local runtime: 1 master and 2 workers, CPU and gloo, each rank all-reducing
 * rank + 1 (1 + 2 + 3 = 6) with nothing but the environment Tasklane gives it. Builds the PyTorch venv on
 * first use (see {@link TorchVenv}).
 */
@IntegrationTest
class PyTorchDdpTest {

    static final String SCRIPT = Path.of("src/test/resources/replicas/ddp_allreduce.py").toAbsolutePath().toString();

    @LocalServerPort
    int port;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    @Test
    void threeRanksFindEachOtherAndAllReduce() throws Exception {
        String python = TorchVenv.python().toString();
        Api.Response created = alice.post("/api/v1/tasks", aTask().named("ddp-" + Long.toString(System.nanoTime(), 36))
                .with("command", List.of(python, SCRIPT)).with("framework", "PYTORCH_DDP")
                .with("roles", List.of(Map.of("name", "master", "replicas", 1), Map.of("name", "worker", "replicas", 2))).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String task = created.json().get("id").asText();

        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        JsonNode ended = Await.until(Duration.ofMinutes(3), "the DDP job ended", () -> alice.get("/api/v1/runs/" + run).json(),
                r -> r.has("finishedAt"));

        String logs = String.join("\n", List.of(0, 1, 2).stream()
                .map(i -> i + ": " + alice.get("/api/v1/runs/" + run + "/instances/" + i + "/logs?tail=50").body()).toList());
        assertThat(ended.get("state").asText()).as(ended + "\n" + logs).isEqualTo("SUCCEEDED");
        assertThat(log(run, 0)).contains("role master index 0 rank 0 of 3: sum 6");
        assertThat(log(run, 1)).contains("role worker index 0 rank 1 of 3: sum 6");
        assertThat(log(run, 2)).contains("role worker index 1 rank 2 of 3: sum 6");
    }

    private String log(String run, int index) {
        return alice.get("/api/v1/runs/" + run + "/instances/" + index + "/logs?tail=50").body();
    }
}
