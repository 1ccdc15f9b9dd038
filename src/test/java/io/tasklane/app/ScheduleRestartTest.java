package io.tasklane.app;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default (H2) is stopped before a one-off's time and started after it: the missed fire
 * happens once, at start-up; a daily schedule keeps its timer across the restart.
 */
class ScheduleRestartTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dataDir;
    ChildTasklane tasklane;

    @AfterEach
    void stop() throws InterruptedException {
        tasklane.stop();
    }

    @Test
    void aFireMissedWhileDownHappensOnceAtStartUpAndDailyTimersSurvive() throws Exception {
        tasklane = new ChildTasklane(dataDir);
        tasklane.start("before-restart.log");
        Api alice = tasklane.api().as("alice");
        Api admin = tasklane.api().as("admin");
        String oneOff = create(alice, aTask().named("missed").with("command", List.of("sleep", "60")));
        LocalDateTime at = LocalDateTime.now(BERLIN).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        assertThat(alice.put(path(oneOff), """
                {"type": "ONE_OFF", "timeZone": "Europe/Berlin", "at": "%s", "active": true}""".formatted(at)).status()).isEqualTo(200);
        String daily = create(alice, aTask().named("daily"));
        String windows = LocalTime.now(BERLIN).plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString();
        JsonNode dailyBefore = alice.put(path(daily), """
                {"type": "DAILY", "timeZone": "Europe/Berlin", "active": true, "windows": [{"time": "%s", "minReplicas": 1, "maxReplicas": 1}]}"""
                .formatted(windows)).json();

        tasklane.stop();
        Instant fireAt = at.atZone(BERLIN).toInstant();
        assertThat(Instant.now()).as("stopped before the fire time (the machine is very slow otherwise)").isBefore(fireAt);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), fireAt).toMillis()) + 1000);
        Instant restartedAt = Instant.now();
        tasklane.start("after-restart.log");

        JsonNode running = awaitTask(alice, oneOff, "RUNNING");
        JsonNode runs = alice.get("/api/v1/tasks/" + oneOff + "/runs").json();
        assertThat(runs.get("total").asInt()).isEqualTo(1);
        assertThat(Instant.parse(runs.at("/items/0/queuedAt").asText())).as("fired at start-up").isAfter(restartedAt);
        assertThat(runs.at("/items/0/requestedBy").asText()).isEqualTo("schedule");
        assertThat(scheduleInstances(admin, oneOff)).as("the one-off is done: it cannot fire again").isZero();
        assertThat(scheduleInstances(admin, daily)).isEqualTo(1);
        assertThat(alice.get(path(daily)).json().get("nextFireAt")).isEqualTo(dailyBefore.get("nextFireAt"));

        alice.post("/api/v1/tasks/" + running.get("id").asText() + "/stop", null);
        awaitTask(alice, oneOff, "STOPPED");
    }

    private static int scheduleInstances(Api admin, String task) {
        return admin.get("/engine-rest/process-instance/count?processDefinitionKey=task-schedule&businessKey=" + task)
                .json().get("count").asInt();
    }

    private static String create(Api alice, io.tasklane.support.TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String path(String task) {
        return "/api/v1/tasks/" + task + "/schedule";
    }

    private static JsonNode awaitTask(Api api, String task, String state) {
        return Await.until(Duration.ofSeconds(90), "task " + task + " to become " + state,
                () -> api.get("/api/v1/tasks/" + task).json(), t -> t.path("state").asText().equals(state));
    }
}
