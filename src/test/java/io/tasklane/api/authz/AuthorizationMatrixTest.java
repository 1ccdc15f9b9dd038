package io.tasklane.api.authz;

import static io.tasklane.api.authz.Call.delete;
import static io.tasklane.api.authz.Call.get;
import static io.tasklane.api.authz.Call.patch;
import static io.tasklane.api.authz.Call.post;
import static io.tasklane.api.authz.Call.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.OpenApiOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call what: every operation of the OpenAPI document against every {@link Role}, and the status each gets,
 * from the one table below. A row makes its request from fresh fixtures for each role where the operation changes
 * something (a cell never sees what another cell did). The table must name exactly the document's operations.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** One operation: how to call it given the fixtures, and the status per role. */
    record Row(String operation, boolean freshPerRole, Function<MatrixFixtures, Call> call, Map<Role, Integer> expected) {
        @Override
        public String toString() {
            return operation;
        }
    }

    /** A schedule that starts its task once, in 2099: set, it waits; it never fires during the suite. */
    static final String ONE_OFF = "{\"type\": \"ONE_OFF\", \"timeZone\": \"Asia/Shanghai\", \"at\": \"2099-01-01T09:30:00\", \"active\": true}";

    // Columns: anonymous, member (alice), other project (carol), member without a grant on levers (erin), admin.
    // Reads share one fixture per row ("read"); writes get fresh ones per role ("write").
    static final List<Row> MATRIX = List.of(
            read("GET /api/v1/tasks", f -> get("/api/v1/tasks"), 401, 200, 200, 200, 200),
            write("POST /api/v1/tasks", f -> post("/api/v1/tasks", f.newTask().json()).then(f::made), 401, 201, 403, 400, 201),
            read("GET /api/v1/tasks/{id}", f -> get(task(f.createdTask())), 401, 200, 404, 200, 200),
            write("PUT /api/v1/tasks/{id}", f -> put(task(f.createdTask()), f.newTask().json()), 401, 200, 404, 400, 200),
            write("PATCH /api/v1/tasks/{id}", f -> patch(task(f.createdTask()), "{\"description\": \"x\"}"), 401, 200, 404, 400, 200),
            write("DELETE /api/v1/tasks/{id}", f -> delete(task(f.createdTask())), 401, 204, 404, 204, 204),
            write("POST /api/v1/tasks/{id}/copy", f -> post(task(f.createdTask()) + "/copy", "{}").then(f::made), 401, 201, 404, 400, 201),
            write("POST /api/v1/tasks/{id}/archive", f -> post(task(f.createdTask()) + "/archive", null), 401, 200, 404, 200, 200),
            write("POST /api/v1/tasks/{id}/unarchive", f -> post(task(f.archivedTask()) + "/unarchive", null), 401, 200, 404, 200, 200),
            read("GET /api/v1/tasks/{id}/events", f -> get(task(f.createdTask()) + "/events"), 401, 200, 404, 200, 200),
            read("GET /api/v1/tasks/{id}/runs", f -> get(task(f.queuedTask()) + "/runs"), 401, 200, 404, 200, 200),
            // Starting uses the cluster: seeing a teammate's task is not enough.
            write("POST /api/v1/tasks/{id}/start", f -> post(task(f.createdTask()) + "/start", null), 401, 201, 404, 403, 201),
            // Stopping frees it: any member may stop a task of the project.
            write("POST /api/v1/tasks/{id}/stop", f -> post(task(f.queuedTask()) + "/stop", null), 401, 202, 404, 202, 202),
            read("GET /api/v1/tasks/{id}/schedule", f -> get(task(f.createdTask()) + "/schedule"), 401, 200, 404, 200, 200),
            write("PUT /api/v1/tasks/{id}/schedule", f -> put(task(f.createdTask()) + "/schedule", ONE_OFF), 401, 200, 404, 403, 200),
            write("DELETE /api/v1/tasks/{id}/schedule", f -> delete(task(f.createdTask()) + "/schedule"), 401, 204, 404, 204, 204),
            write("POST /api/v1/tasks/{id}/pin-requests", f -> post(task(f.queuedTask()) + "/pin-requests", "{}").then(f::made),
                    401, 201, 404, 403, 201),
            write("POST /api/v1/tasks/{id}/unpin", f -> post(task(f.pinnedTask()) + "/unpin", null), 401, 403, 403, 403, 200),
            write("POST /api/v1/tasks/{id}/force-start", f -> post(task(f.pinnedTask()) + "/force-start", null).then(f::made),
                    401, 403, 403, 403, 201),
            read("GET /api/v1/pin-requests/{id}", f -> get(pinRequest(f.pendingPinRequest().get("id").asText())), 401, 200, 404, 200, 200),
            write("POST /api/v1/pin-requests/{id}/approve",
                    f -> post(pinRequest(f.pendingPinRequest().get("id").asText()) + "/approve", "{}"), 401, 403, 403, 403, 200),
            write("POST /api/v1/pin-requests/{id}/reject",
                    f -> post(pinRequest(f.pendingPinRequest().get("id").asText()) + "/reject", "{}"), 401, 403, 403, 403, 200),
            read("GET /api/v1/force-starts/{id}", f -> get(forceStart(f.forceStartAwaitingConfirmation().get("id").asText())),
                    401, 403, 403, 403, 200),
            write("POST /api/v1/force-starts/{id}/confirm", AuthorizationMatrixTest::confirmForceStart, 401, 403, 403, 403, 200),
            write("POST /api/v1/force-starts/{id}/reject",
                    f -> post(forceStart(f.forceStartAwaitingConfirmation().get("id").asText()) + "/reject", null), 401, 403, 403, 403, 200),
            read("GET /api/v1/runs/{id}", f -> get("/api/v1/runs/" + f.finishedRunWithLog()), 401, 200, 404, 200, 200),
            read("GET /api/v1/runs/{id}/instances",
                    f -> get("/api/v1/runs/" + f.finishedRunWithLog() + "/instances?state=EXITED&sort=finishedAt&order=desc&limit=5"),
                    401, 200, 404, 200, 200),
            read("GET /api/v1/runs/{id}/instances/{index}/logs",
                    f -> get("/api/v1/runs/" + f.finishedRunWithLog() + "/instances/0/logs"), 401, 200, 404, 200, 200),
            read("GET /api/v1/projects", f -> get("/api/v1/projects"), 401, 200, 200, 200, 200),
            write("POST /api/v1/projects", f -> post("/api/v1/projects", "{\"name\": \"" + MatrixFixtures.unique("authz") + "\"}"),
                    401, 403, 403, 403, 201),
            read("GET /api/v1/projects/{name}", f -> get("/api/v1/projects/demo"), 401, 200, 404, 200, 200),
            read("GET /api/v1/projects/{name}/members", f -> get("/api/v1/projects/demo/members"), 401, 200, 404, 200, 200),
            write("PUT /api/v1/projects/{name}/members/{userId}",
                    f -> put("/api/v1/projects/demo/members/dave", "").then(r -> f.takeDaveOutOfDemo()), 401, 403, 403, 403, 204),
            write("DELETE /api/v1/projects/{name}/members/{userId}", AuthorizationMatrixTest::removeDave, 401, 403, 403, 403, 204),
            // Everyone reads usage; what each sees is narrowed to their own, their managed projects' or all (UsageApiTest).
            read("GET /api/v1/usage", f -> get("/api/v1/usage?groupBy=project"), 401, 200, 200, 200, 200),
            read("GET /api/v1/projects/{name}/quotas", f -> get("/api/v1/projects/demo/quotas"), 401, 200, 404, 200, 200),
            write("PUT /api/v1/projects/{name}/quotas/{cluster}", f -> put(MatrixFixtures.DEMO_QUOTA, "{\"maxSkus\": 1000}"),
                    401, 403, 403, 403, 200),
            write("DELETE /api/v1/projects/{name}/quotas/{cluster}", f -> delete(f.quotaOfDemo()), 401, 403, 403, 403, 204),
            // Budgets: members read them, admins set them; webhooks: admins and the project's managers (alice is a plain member).
            read("GET /api/v1/projects/{name}/budget", f -> get(f.budgetOfDemo()), 401, 200, 404, 200, 200),
            write("PUT /api/v1/projects/{name}/budget", f -> put(MatrixFixtures.DEMO_BUDGET, "{\"monthlyGpuHours\": 1000000}"),
                    401, 403, 403, 403, 200),
            write("DELETE /api/v1/projects/{name}/budget", f -> delete(f.budgetOfDemo()), 401, 403, 403, 403, 204),
            write("POST /api/v1/projects/{name}/webhooks", f -> post(MatrixFixtures.DEMO_WEBHOOKS, MatrixFixtures.WEBHOOK),
                    401, 403, 404, 403, 201),
            read("GET /api/v1/projects/{name}/webhooks", f -> get(MatrixFixtures.DEMO_WEBHOOKS), 401, 403, 404, 403, 200),
            read("GET /api/v1/projects/{name}/webhooks/{id}", f -> get(f.webhookOfDemo()), 401, 403, 404, 403, 200),
            write("DELETE /api/v1/projects/{name}/webhooks/{id}", f -> delete(f.webhookOfDemo()), 401, 403, 404, 403, 204),
            read("GET /api/v1/projects/{name}/webhooks/{id}/deliveries", f -> get(f.webhookOfDemo() + "/deliveries"),
                    401, 403, 404, 403, 200),
            read("GET /api/v1/clusters", f -> get("/api/v1/clusters"), 401, 200, 200, 200, 200),
            write("POST /api/v1/clusters", AuthorizationMatrixTest::createCluster, 401, 403, 403, 403, 201),
            // A cluster not granted to the caller is private: 404, as if it did not exist.
            read("GET /api/v1/clusters/{name}", f -> get("/api/v1/clusters/levers"), 401, 200, 404, 404, 200),
            read("GET /api/v1/clusters/{name}/queue", f -> get("/api/v1/clusters/levers/queue"), 401, 200, 404, 404, 200),
            write("PUT /api/v1/clusters/{name}", f -> {
                String name = f.apiCluster();
                return put("/api/v1/clusters/" + name, f.clusterBody(name));
            }, 401, 403, 403, 403, 200),
            write("DELETE /api/v1/clusters/{name}", f -> delete("/api/v1/clusters/" + f.apiCluster()), 401, 403, 403, 403, 204),
            write("PUT /api/v1/clusters/{name}/nodes/{node}",
                    f -> put("/api/v1/clusters/" + f.apiCluster() + "/nodes/n-2", "{\"capacitySkus\": 1}"), 401, 403, 403, 403, 200),
            write("DELETE /api/v1/clusters/{name}/nodes/{node}", f -> delete("/api/v1/clusters/" + f.apiCluster() + "/nodes/n-1"),
                    401, 403, 403, 403, 204),
            read("GET /api/v1/clusters/{name}/grants", f -> get("/api/v1/clusters/levers/grants"), 401, 403, 403, 403, 200),
            write("POST /api/v1/clusters/{name}/grants",
                    f -> post("/api/v1/clusters/" + f.apiCluster() + "/grants", "{\"user\": \"bob\"}"), 401, 403, 403, 403, 204),
            write("DELETE /api/v1/clusters/{name}/grants", f -> delete("/api/v1/clusters/" + f.apiCluster() + "/grants?user=dave"),
                    401, 403, 403, 403, 204));

    @LocalServerPort
    int port;
    MatrixFixtures fixtures;

    @BeforeAll
    void fillLevers() {
        fixtures = new MatrixFixtures(Api.anonymous(port));
        fixtures.fillLevers();
    }

    @AfterAll
    void emptyLevers() {
        fixtures.removeAll();
    }

    static Stream<Arguments> matrix() {
        return MATRIX.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachRoleGetsTheStatusOfTheTable(Row row) {
        Api anonymous = Api.anonymous(port);
        Call shared = row.freshPerRole() ? null : row.call().apply(fixtures);
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            Call call = shared != null ? shared : row.call().apply(fixtures);
            Api.Response answer = call.send(role.api(anonymous));
            fixtures.settle();
            if (answer.status() != row.expected().get(role)) {
                wrong.add(role + " expected " + row.expected().get(role) + ", got " + answer);
            } else if (answer.status() >= 400) {
                assertThat(answer.contentType()).as(role + " " + call).startsWith("application/problem+json");
            }
        }
        assertThat(wrong).as(row.operation()).isEmpty();
    }

    @Test
    void theTableCoversExactlyTheOperationsOfTheOpenApiDocument() {
        TreeSet<String> documented = OpenApiOperations.of(Api.anonymous(port)).all().stream()
                .map(OpenApiOperations.Operation::key).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> tabled = MATRIX.stream().map(Row::operation).collect(Collectors.toCollection(TreeSet::new));

        assertThat(tabled).as("operations of the table").hasSize(MATRIX.size());
        assertThat(documented).as("operations of the OpenAPI document missing from the table")
                .isSubsetOf(tabled);
        assertThat(tabled).as("operations of the table the OpenAPI document no longer has").isSubsetOf(documented);
    }

    /** The admin's confirmation kills a filler; the pinned task takes its place, so levers is full for the next cell. */
    private static Call confirmForceStart(MatrixFixtures f) {
        var start = f.forceStartAwaitingConfirmation();
        return post(forceStart(start.get("id").asText()) + "/confirm", null).then(answer -> {
            if (answer.status() == 200) {
                f.awaitRunning(start.get("taskId").asText());
            }
        });
    }

    private static Call removeDave(MatrixFixtures f) {
        f.putDaveInDemo();
        return delete("/api/v1/projects/demo/members/dave").then(answer -> f.takeDaveOutOfDemo());
    }

    private static Call createCluster(MatrixFixtures f) {
        String name = MatrixFixtures.unique("authz");
        f.madeCluster(name);
        return post("/api/v1/clusters", f.clusterBody(name));
    }

    private static String task(String id) {
        return "/api/v1/tasks/" + id;
    }

    private static String pinRequest(String id) {
        return "/api/v1/pin-requests/" + id;
    }

    private static String forceStart(String id) {
        return "/api/v1/force-starts/" + id;
    }

    private static Row read(String operation, Function<MatrixFixtures, Call> call, int... statuses) {
        return new Row(operation, false, call, columns(statuses));
    }

    private static Row write(String operation, Function<MatrixFixtures, Call> call, int... statuses) {
        return new Row(operation, true, call, columns(statuses));
    }

    private static Map<Role, Integer> columns(int... statuses) {
        Role[] roles = Role.values();
        if (statuses.length != roles.length) {
            throw new IllegalArgumentException("one status per role: " + List.of(roles));
        }
        Map<Role, Integer> columns = new EnumMap<>(Role.class);
        for (int i = 0; i < roles.length; i++) {
            columns.put(roles[i], statuses[i]);
        }
        return columns;
    }
}
