package io.tasklane.api.fuzz;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.RefusableState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The fuzz run's database check sees the writes it is there to catch, and not what moves by itself. */
@IntegrationTest
class RefusableStateTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWriteChangesTheFingerprintOfItsTablesOnly() {
        Api admin = Api.anonymous(port).as("admin");
        RefusableState state = new RefusableState(jdbc);
        String task = admin.post("/api/v1/tasks", aTask().json()).json().get("id").asText();
        Map<String, String> before = state.fingerprint();

        admin.post("/api/v1/tasks/" + task + "/archive", null);

        assertThat(RefusableState.changed(before, state.fingerprint())).containsExactly("task", "task_event");
        assertThat(RefusableState.changed(before, before)).isEmpty();
    }

    @Test
    void aRunMovingOnDoesNotChangeIt() {
        Api alice = Api.anonymous(port).as("alice");
        String task = alice.post("/api/v1/tasks", aTask().cluster("sim").json()).json().get("id").asText();
        alice.post("/api/v1/tasks/" + task + "/start", null);
        RefusableState state = new RefusableState(jdbc);
        Map<String, String> queued = state.fingerprint();

        await("the run to end").until(
                () -> alice.get("/api/v1/tasks/" + task).json().get("state").asText().equals("SUCCEEDED"));

        assertThat(RefusableState.changed(queued, state.fingerprint())).isEmpty();
    }
}
