package io.tasklane.api.authz;

import static io.tasklane.api.authz.Call.get;
import static io.tasklane.api.authz.Call.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what over Camunda's REST API, from one table: start a run by process key, read a run's variables,
 * and the Tasklist rule that only an admin decides a pin review or a force-start confirmation, whichever way it
 * is tried (complete, submit the form, claim, become assignee, start the decision's process directly, even with
 * a permission to start any process). Non-admins hold the permissions it takes to start runs (see
 * {@link IntegratorPermissions}). An outcome is the status, with what became of the request where that is the
 * point ("403 PENDING": refused, still waiting).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestAuthorizationTest {

    /** One attempt and how to read its outcome. */
    record Cell(Call call, Function<Api.Response, String> outcome) {
    }

    record Row(String attempt, BiFunction<EngineRestAuthorizationTest, Role, Cell> cell, Map<Role, String> expected) {
        @Override
        public String toString() {
            return attempt;
        }
    }

    // Columns: anonymous, member (alice), other project (carol), member without a grant on levers (erin), admin.
    static final List<Row> MATRIX = List.of(
            row("start task-run by key with a task id", EngineRestAuthorizationTest::startRun,
                    "401", "started", "refused", "refused", "started"),
            row("start task-run by key for a run that exists", EngineRestAuthorizationTest::startRunForExistingRun,
                    "401", "refused", "refused", "refused", "refused"),
            row("read the variables of a run's process", EngineRestAuthorizationTest::readRunVariables,
                    "401", "403", "403", "403", "200"),
            row("list the open pin reviews", EngineRestAuthorizationTest::listReviews,
                    "401", "200 none", "200 none", "200 none", "200 found"),
            row("complete a pin review", (t, role) -> t.onReview(role, "/complete", "{\"variables\": {\"decision\": {\"value\": \"reject\"}}}"),
                    "401 PENDING", "403 PENDING", "403 PENDING", "403 PENDING", "204 REJECTED"),
            row("submit a pin review's form", (t, role) -> t.onReview(role, "/submit-form", "{\"variables\": {\"decision\": {\"value\": \"approve\"}}}"),
                    "401 PENDING", "403 PENDING", "403 PENDING", "403 PENDING", "204 PINNED"),
            row("claim a pin review", (t, role) -> t.onReview(role, "/claim", "{\"userId\": \"" + role.user() + "\"}"),
                    "401 PENDING", "403 PENDING", "403 PENDING", "403 PENDING", "204 PENDING"),
            row("make oneself a pin review's assignee", (t, role) -> t.onReview(role, "/assignee", "{\"userId\": \"" + role.user() + "\"}"),
                    "401 PENDING", "403 PENDING", "403 PENDING", "403 PENDING", "204 PENDING"),
            row("complete a force-start confirmation", EngineRestAuthorizationTest::completeConfirmation,
                    "401 AWAITING_CONFIRMATION", "403 AWAITING_CONFIRMATION", "403 AWAITING_CONFIRMATION",
                    "403 AWAITING_CONFIRMATION", "204 REJECTED"),
            // Without Read on process definition pin-request, Camunda does not even find it.
            row("start pin-request by key as if asked by an admin", (t, role) -> t.startPinProcess(role, false),
                    "401 PENDING", "404 PENDING", "404 PENDING", "404 PENDING", "200 PINNED"),
            row("start pin-request by key, allowed to start any process", (t, role) -> t.startPinProcess(role, true),
                    "401 PENDING", "403 PENDING", "403 PENDING", "403 PENDING", "200 PINNED"),
            row("start task-schedule by key, allowed to start any process", EngineRestAuthorizationTest::startScheduleProcess,
                    "401", "403", "403", "403", "200"));

    static final List<String> INTEGRATORS = Arrays.stream(Role.values())
            .filter(role -> role != Role.ANONYMOUS && role != Role.ADMIN).map(Role::user).toList();

    @LocalServerPort
    int port;
    @Autowired
    AuthorizationService authorizationService;
    MatrixFixtures fixtures;
    IntegratorPermissions permissions;
    Api admin;

    @BeforeAll
    void setUp() {
        admin = Api.anonymous(port).as("admin");
        permissions = new IntegratorPermissions(authorizationService);
        permissions.grantRunStarts(INTEGRATORS);
        fixtures = new MatrixFixtures(Api.anonymous(port));
        fixtures.fillLevers();
    }

    @AfterAll
    void tearDown() {
        permissions.revokeAll();
        fixtures.removeAll();
    }

    static Stream<Arguments> matrix() {
        return MATRIX.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachRoleGetsTheOutcomeOfTheTable(Row row) {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            Cell cell = row.cell().apply(this, role);
            Api.Response answer = cell.call().send(role.api(Api.anonymous(port)));
            String outcome = cell.outcome().apply(answer);
            fixtures.settle();
            if (!outcome.equals(row.expected().get(role))) {
                wrong.add(role + " expected " + row.expected().get(role) + ", got " + outcome + ": " + answer);
            }
        }
        assertThat(wrong).as(row.attempt()).isEmpty();
    }

    private Cell startRun(Role role) {
        return new Cell(post("/engine-rest/process-definition/key/task-run/start", runStart(fixtures.createdTask(), null)),
                EngineRestAuthorizationTest::started);
    }

    private Cell startRunForExistingRun(Role role) {
        String task = fixtures.queuedTask();
        String run = admin.get("/api/v1/tasks/" + task + "/runs").json().at("/items/0/id").asText();
        return new Cell(post("/engine-rest/process-definition/key/task-run/start", runStart(task, run)),
                EngineRestAuthorizationTest::started);
    }

    private Cell readRunVariables(Role role) {
        String task = fixtures.queuedTask();
        String process = admin.get("/api/v1/tasks/" + task + "/runs").json().at("/items/0/processInstanceId").asText();
        return new Cell(get("/engine-rest/process-instance/" + process + "/variables"), answer -> "" + answer.status());
    }

    private Cell listReviews(Role role) {
        String request = fixtures.pendingPinRequest().get("id").asText();
        return new Cell(get("/engine-rest/task?processDefinitionKey=pin-request&processInstanceBusinessKey=" + request),
                answer -> answer.status() + (answer.status() != 200 ? "" : answer.json().isEmpty() ? " none" : " found"));
    }

    private Cell onReview(Role role, String action, String body) {
        JsonNode request = fixtures.pendingPinRequest();
        String id = request.get("id").asText();
        return new Cell(post("/engine-rest/task/" + request.get("reviewTaskId").asText() + action, body),
                answer -> answer.status() + " " + pinState(id));
    }

    private Cell completeConfirmation(Role role) {
        JsonNode start = fixtures.forceStartAwaitingConfirmation();
        String id = start.get("id").asText();
        return new Cell(post("/engine-rest/task/" + start.get("confirmationTaskId").asText() + "/complete",
                "{\"variables\": {\"decision\": {\"value\": \"reject\"}}}"),
                answer -> answer.status() + " " + admin.get("/api/v1/force-starts/" + id).json().get("state").asText());
    }

    /** Starts the pin-request process of a pending request with the variables of an admin's own request: no review. */
    private Cell startPinProcess(Role role, boolean anyStartAllowed) {
        String id = fixtures.pendingPinRequest().get("id").asText();
        List<String> extra = anyStartAllowed ? permissions.grantAnyStart(INTEGRATORS) : List.of();
        String body = """
                {"businessKey": "%s", "variables": {"pinRequestId": {"value": "%s"}, "byAdmin": {"value": true, "type": "Boolean"},
                 "decidedBy": {"value": "%s"}}}""".formatted(id, id, role.user());
        return new Cell(post("/engine-rest/process-definition/key/pin-request/start", body).then(answer -> permissions.revoke(extra)),
                answer -> answer.status() + " " + pinState(id));
    }

    private Cell startScheduleProcess(Role role) {
        String task = fixtures.createdTask();
        List<String> extra = permissions.grantAnyStart(INTEGRATORS);
        return new Cell(post("/engine-rest/process-definition/key/task-schedule/start",
                "{\"businessKey\": \"" + task + "\", \"variables\": {\"taskId\": {\"value\": \"" + task + "\"}}}")
                .then(answer -> permissions.revoke(extra)), answer -> "" + answer.status());
    }

    private String pinState(String id) {
        return admin.get("/api/v1/pin-requests/" + id).json().get("state").asText();
    }

    /** "started", "refused" (the process ended at Start refused) or the status of an answer that is not a 200. */
    private static String started(Api.Response answer) {
        if (answer.status() != 200) {
            return "" + answer.status();
        }
        return answer.json().path("ended").asBoolean() ? "refused" : "started";
    }

    private static String runStart(String task, String run) {
        return "{\"variables\": {\"taskId\": {\"value\": \"" + task + "\", \"type\": \"String\"}"
                + (run == null ? "" : ", \"runId\": {\"value\": \"" + run + "\", \"type\": \"String\"}")
                + "}, \"withVariablesInReturn\": true}";
    }

    private static Row row(String attempt, BiFunction<EngineRestAuthorizationTest, Role, Cell> cell, String... outcomes) {
        Map<Role, String> expected = new EnumMap<>(Role.class);
        for (int i = 0; i < Role.values().length; i++) {
            expected.put(Role.values()[i], outcomes[i]);
        }
        return new Row(attempt, cell, expected);
    }
}
