package io.tasklane.api;

import static io.tasklane.api.TaskInputErrorsTest.assertProblem;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.common.TaskId;
import io.tasklane.schedule.ScheduleFiring;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Schedules over HTTP on PostgreSQL with the real engine: input rules, next fire in the schedule's
 * zone, one schedule process per active schedule, and a one-off that starts a real task on time.
 */
@IntegrationTest
class ScheduleApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ScheduleFiring firing;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    @Test
    void aOneOffAFewSecondsAheadStartsTheTaskAsTheSchedule() {
        String task = create(aTask().named(unique("one-off")).with("command", List.of("sleep", "60")));
        LocalDateTime at = LocalDateTime.now(SHANGHAI).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);

        Api.Response set = alice.put(schedulePath(task), """
                {"type": "ONE_OFF", "timeZone": "Asia/Shanghai", "at": "%s", "active": true}""".formatted(at));

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("nextFireAt").asText()).isEqualTo(at.atZone(SHANGHAI).toInstant().toString());
        assertThat(OffsetDateTime.parse(set.json().get("nextFireLocal").asText()).toLocalDateTime()).isEqualTo(at);
        assertThat(scheduleInstances(task)).isEqualTo(1);
        JsonNode running = awaitTask(task, t -> t.get("state").asText().equals("RUNNING"));
        JsonNode run = alice.get("/api/v1/runs/" + running.get("currentRunId").asText()).json();
        assertThat(run.get("requestedBy").asText()).isEqualTo("schedule");
        assertThat(Instant.parse(run.get("queuedAt").asText())).isAfterOrEqualTo(at.atZone(SHANGHAI).toInstant());
        assertThat(alice.get("/api/v1/tasks/" + task + "/events").json().findValuesAsText("reason"))
                .anyMatch(reason -> reason.contains("started by schedule"));
        JsonNode after = alice.get(schedulePath(task)).json();
        assertThat(after.has("nextFireAt")).isFalse();
        assertThat(after.get("lastFireAt").asText()).isEqualTo(at.atZone(SHANGHAI).toInstant().toString());
        assertThat(scheduleInstances(task)).isZero();

        assertThat(alice.post("/api/v1/tasks/" + task + "/stop", null).status()).isEqualTo(202);
        awaitTask(task, t -> t.get("state").asText().equals("STOPPED"));
    }

    @Test
    void aDailyScheduleShowsItsNextFireInItsZoneAndRunsOneProcessOnlyWhileActive() {
        String task = create(aTask().named(unique("daily")));
        String daily = """
                {"type": "DAILY", "timeZone": "Asia/Shanghai", "startDate": "2030-12-02", "active": %s,
                 "windows": [{"time": "20:00", "minReplicas": 1, "maxReplicas": 2}, {"time": "08:00", "minReplicas": 2, "maxReplicas": 4}]}""";

        JsonNode inactive = alice.put(schedulePath(task), daily.formatted(false)).json();
        assertThat(inactive.get("nextFireAt").asText()).isEqualTo("2030-12-02T00:00:00Z");
        assertThat(inactive.get("nextFireLocal").asText()).isEqualTo("2030-12-02T08:00:00+08:00");
        assertThat(inactive.get("windows").findValuesAsText("time")).containsExactly("08:00", "20:00");
        JsonNode shownOnTask = alice.get("/api/v1/tasks/" + task).json().get("schedule");
        assertThat(shownOnTask.get("nextFireAt").asText()).isEqualTo("2030-12-02T00:00:00Z");
        assertThat(shownOnTask.get("nextFireLocal").asText()).isEqualTo("2030-12-02T08:00:00+08:00");
        assertThat(shownOnTask.get("active").asBoolean()).isFalse();
        assertThat(scheduleInstances(task)).isZero();

        alice.put(schedulePath(task), daily.formatted(true));
        alice.put(schedulePath(task), daily.formatted(true));
        assertThat(scheduleInstances(task)).isEqualTo(1);
        assertThat(alice.get(schedulePath(task)).json().get("active").asBoolean()).isTrue();

        alice.put(schedulePath(task), daily.formatted(false));
        assertThat(scheduleInstances(task)).isZero();

        assertThat(alice.delete(schedulePath(task)).status()).isEqualTo(204);
        assertThat(alice.get(schedulePath(task)).json().get("type").asText()).isEqualTo("MANUAL");
    }

    @Test
    void aFireDeliveredTwiceStartsTheTaskOnce() {
        String task = create(aTask().named(unique("twice")).with("command", List.of("sleep", "60")));
        JsonNode set = alice.put(schedulePath(task), """
                {"type": "DAILY", "timeZone": "Asia/Shanghai", "active": true, "windows": [{"time": "%s", "minReplicas": 1, "maxReplicas": 1}]}"""
                .formatted(LocalTime.now(SHANGHAI).plusHours(6).truncatedTo(ChronoUnit.MINUTES))).json();
        Instant fire = Instant.parse(set.get("nextFireAt").asText());

        assertThat(firing.fire(new TaskId(task), fire)).isEqualTo(ScheduleFiring.Outcome.STARTED);
        assertThat(firing.fire(new TaskId(task), fire)).isEqualTo(ScheduleFiring.Outcome.NOT_DUE);
        assertThat(firing.fire(new TaskId(task), fire.plusSeconds(60))).as("not a fire time of this schedule")
                .isEqualTo(ScheduleFiring.Outcome.NOT_DUE);

        assertThat(alice.get("/api/v1/tasks/" + task + "/runs").json().get("total").asInt()).isEqualTo(1);
        awaitTask(task, t -> t.get("state").asText().equals("RUNNING"));
        alice.put(schedulePath(task), "{\"type\": \"MANUAL\"}");
        assertThat(alice.post("/api/v1/tasks/" + task + "/stop", null).status()).isEqualTo(202);
        awaitTask(task, t -> t.get("state").asText().equals("STOPPED"));
    }

    @Test
    void badSchedulesAreRefusedNamingFieldAndRule() {
        String task = create(aTask().named(unique("bad-schedule")).skuPerReplica(2));

        assertProblem(alice.put(schedulePath(task), """
                {"type": "ONE_OFF", "timeZone": "China/Beijing", "at": "2030-12-01T09:30:00"}"""), 400, "timeZone", "iana-zone");
        assertProblem(alice.put(schedulePath(task), """
                {"type": "DAILY", "timeZone": "Asia/Shanghai", "windows": [{"time": "08:00", "minReplicas": 3, "maxReplicas": 2}]}"""),
                400, "windows[0].minReplicas", "min-not-above-max");
        // cluster local has 4 slots: 3 replicas of 2 SKUs could never run there
        assertProblem(alice.put(schedulePath(task), """
                {"type": "DAILY", "timeZone": "Asia/Shanghai", "windows": [{"time": "08:00", "minReplicas": 1, "maxReplicas": 3}]}"""),
                400, "windows[0].maxReplicas", "fits-cluster");
        assertProblem(alice.put(schedulePath(task), """
                {"type": "DAILY", "timeZone": "Asia/Shanghai", "windows": [{"time": "8am", "minReplicas": 1, "maxReplicas": 1}]}"""),
                400, "windows[0].time", "format");
        Api.Response past = alice.put(schedulePath(task), """
                {"type": "ONE_OFF", "timeZone": "Asia/Shanghai", "at": "2020-01-01T09:30:00", "active": true}""");
        assertProblem(past, 400, "at", "future-when-active");
        assertThat(past.json().get("detail").asText()).contains("has already passed");
        assertThat(alice.put(schedulePath(task), """
                {"type": "ONE_OFF", "timeZone": "Asia/Shanghai", "at": "2020-01-01T09:30:00", "active": false}""").status())
                .as("an inactive one-off in the past may be kept for review").isEqualTo(200);
        assertThat(Api.anonymous(port).as("bob").get(schedulePath(task)).status()).isEqualTo(404);
    }

    private long scheduleInstances(String task) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("task-schedule").processInstanceBusinessKey(task).count();
    }

    private String create(io.tasklane.support.TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static String schedulePath(String task) {
        return "/api/v1/tasks/" + task + "/schedule";
    }

    private JsonNode awaitTask(String task, java.util.function.Predicate<JsonNode> condition) {
        return Await.until("task " + task + " to get there", () -> alice.get("/api/v1/tasks/" + task).json(), condition);
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
