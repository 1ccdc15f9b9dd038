package io.tasklane.app;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.tasklane.support.Api;
import io.tasklane.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as a user runs it: a separate JVM with no profile, so H2 in a data directory,
 * the local cluster and the dev users. It is stopped and started again on the same directory, and
 * what was created before is still there.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;
    ChildTasklane tasklane;

    @AfterEach
    void stop() throws InterruptedException {
        tasklane.stop();
    }

    @Test
    void servesHealthTasklistAndTheApiAndKeepsDataAcrossARestart() throws Exception {
        tasklane = new ChildTasklane(dataDir);
        tasklane.start("first.log");
        Api api = tasklane.api();

        assertThat(api.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tasks").status()).isEqualTo(401);
        assertThat(api.as("alice").get("/api/v1/clusters").items("name")).containsExactly("local");
        Api.Response created = api.as("alice").post("/api/v1/tasks", aTask().named("survives-restart").json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(tasklane.log()).contains("Created dev users admin/admin");
        assertThat(dataDir.resolve("tasklane.mv.db")).exists();
        // TASKLANE_DATA_DIR moves the replicas' logs too (ChildTasklane sets no runs-dir of its own).
        String id = created.json().get("id").asText();
        String run = api.as("alice").post("/api/v1/tasks/" + id + "/start", null).json().get("id").asText();
        Path log = dataDir.resolve("runs").resolve(run).resolve("replica-0.log");
        Await.until("the run's replica log under the data directory", () -> Files.exists(log), exists -> exists);

        tasklane.stop();
        tasklane.start("second.log");

        assertThat(api.as("alice").get("/api/v1/tasks?name=survives-restart").items("id"))
                .containsExactly(created.json().get("id").asText());
        assertThat(tasklane.log()).doesNotContain("Created dev users");
    }
}
