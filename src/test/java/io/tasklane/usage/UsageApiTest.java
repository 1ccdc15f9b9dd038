package io.tasklane.usage;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real runs on the local cluster record their holding periods with their allocations; the usage API sums them
 * as each caller may see: alice her own, the project's manager (dave) the whole project, an admin everything,
 * another member (bob) nothing of it.
 */
@IntegrationTest
class UsageApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.tasklane.sizing.RunResizer resizer;
    Api admin;
    Api alice;
    String project;

    @BeforeEach
    void setUp() {
        admin = Api.anonymous(port).as("admin");
        alice = Api.anonymous(port).as("alice");
        project = "usage-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/projects/" + project + "/members/alice", "").status()).isEqualTo(204);
        assertThat(admin.put("/api/v1/projects/" + project + "/members/bob", "").status()).isEqualTo(204);
        assertThat(admin.put("/api/v1/projects/" + project + "/members/dave", "{\"role\": \"MANAGER\"}").status()).isEqualTo(204);
    }

    @Test
    void eachCallerSeesTheUseTheyMaySeeSummedFromTheRecordedPeriods() {
        String alicesRun = runToTheEnd(alice, 2);
        String adminsRun = runToTheEnd(admin, 1);
        JsonNode alicesRunNow = alice.get("/api/v1/runs/" + alicesRun).json();
        List<Map<String, Object>> periods = jdbc.sql("select * from tasklane.usage_period where project = ? order by run_id, replica_index")
                .param(project).query().listOfRows();

        assertThat(periods).hasSize(3).allSatisfy(p -> assertThat(p.get("held_to")).as("released").isNotNull());
        assertThat(periods).filteredOn(p -> p.get("run_id").equals(alicesRun)).allSatisfy(p -> {
            assertThat(instant(p.get("held_from"))).as("held from its admission").isEqualTo(Instant.parse(alicesRunNow.get("admittedAt").asText()));
            assertThat(p.get("user_id")).isEqualTo("alice");
            assertThat(p.get("gpus")).isEqualTo(1);
        });
        Map<String, Double> seconds = secondsByUser(periods);
        String query = "/api/v1/usage?project=" + project + "&groupBy=user&timeZone=Asia/Taipei";

        JsonNode hers = alice.get(query).json();
        assertThat(hers.get("rows")).hasSize(1);
        assertThat(hers.at("/rows/0/user").asText()).isEqualTo("alice");
        assertThat(hers.at("/rows/0/gpuSeconds").asDouble()).isCloseTo(seconds.get("alice"), within(0.0011));
        assertThat(hers.at("/rows/0/gpuHours").asDouble()).isCloseTo(seconds.get("alice") / 3600, within(1e-6));
        assertThat(hers.at("/rows/0/runs").asInt()).isEqualTo(1);

        for (Api everyone : List.of(Api.anonymous(port).as("dave"), admin)) {
            JsonNode all = everyone.get(query).json();
            assertThat(all.get("rows").findValuesAsText("user")).containsExactly("admin", "alice");
            assertThat(all.at("/total/runs").asInt()).isEqualTo(2);
            assertThat(all.at("/total/gpuSeconds").asDouble()).isCloseTo(seconds.get("alice") + seconds.get("admin"), within(0.0021));
        }
        assertThat(Api.anonymous(port).as("bob").get(query).json().at("/total/runs").asInt()).as("a plain member sees only their own").isZero();
        assertThat(alice.get(query + "&user=admin").json().get("rows")).as("a filter widens nothing").isEmpty();
        assertThat(adminsRun).isNotEqualTo(alicesRun);
    }

    @Test
    void csvHasTheSameRowsAndBadParametersAreNamed() {
        runToTheEnd(alice, 1);
        String query = "/api/v1/usage?project=" + project + "&groupBy=project,task&groupBy=day";
        JsonNode json = alice.get(query).json();

        Api.Response csv = alice.send(alice.request(query).header("Accept", "text/csv").GET());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("project,task,day,taskName,gpuHours,skuHours,gpuSeconds,runs");
        assertThat(lines).hasSize(1 + json.get("rows").size());
        JsonNode row = json.at("/rows/0");
        assertThat(lines[1]).startsWith(project + "," + row.get("task").asText() + "," + row.get("day").asText() + ",usage-job-1,")
                .endsWith("," + row.get("runs").asInt());

        Api.Response bad = alice.get("/api/v1/usage?groupBy=team&timeZone=Mars/Olympus");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("timeZone", "groupBy");
        Api.Response badCsv = alice.send(alice.request("/api/v1/usage?from=soon").header("Accept", "text/csv").GET());
        assertThat(badCsv.status()).isEqualTo(400);
        assertThat(badCsv.json().get("field").asText()).isEqualTo("from");
    }

    @Test
    void aResizeEndsTheRemovedReplicasPeriodsAndOpensTheAddedOnes() {
        Api.Response created = alice.post("/api/v1/tasks", aTask().named("resized").project(project).cluster("sim")
                .with("kind", "SERVICE").replicas(3).json());
        String task = created.json().get("id").asText();
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        Await.until("run " + run + " to run", () -> alice.get("/api/v1/runs/" + run).json(), r -> r.get("state").asText().equals("RUNNING"));

        resizer.requestRange(new io.tasklane.common.RunId(run), 1, 1);
        Await.until("the shrink to close two periods", () -> periodsOf(run), p -> p.stream().filter(r -> r.get("held_to") != null).count() == 2);
        resizer.requestRange(new io.tasklane.common.RunId(run), 1, 2);
        List<Map<String, Object>> periods = Await.until("the grow to open a period", () -> periodsOf(run), p -> p.size() == 4);

        assertThat(periods).extracting(p -> p.get("replica_index") + (p.get("held_to") == null ? " open" : " closed"))
                .containsExactly("0 open", "1 closed", "1 open", "2 closed");
        assertThat(instant(periods.get(2).get("held_from"))).as("the added replica counts from its grant")
                .isAfterOrEqualTo(instant(periods.get(1).get("held_to")));
        alice.post("/api/v1/tasks/" + task + "/stop", null);
        Await.until("the run to end", () -> periodsOf(run), p -> p.stream().allMatch(r -> r.get("held_to") != null));
        assertThat(alice.get("/api/v1/usage?project=" + project).json().at("/total/runs").asInt()).isEqualTo(1);
    }

    @Test
    void theClusterFilterKeepsOnlyThatClustersUse() {
        runToTheEnd(alice, 1);
        Api.Response created = alice.post("/api/v1/tasks", aTask().named("on-sim").project(project).cluster("sim").with("kind", "SERVICE").json());
        String task = created.json().get("id").asText();
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        Await.until("run " + run + " to run", () -> alice.get("/api/v1/runs/" + run).json(), r -> r.get("state").asText().equals("RUNNING"));
        alice.post("/api/v1/tasks/" + task + "/stop", null);
        Await.until("the run to end", () -> periodsOf(run), p -> !p.isEmpty() && p.stream().allMatch(r -> r.get("held_to") != null));
        String query = "/api/v1/usage?project=" + project + "&groupBy=cluster";
        JsonNode both = alice.get(query).json();
        assertThat(both.get("rows").findValuesAsText("cluster")).containsExactlyInAnyOrder("local", "sim");

        for (String cluster : List.of("local", "sim")) {
            JsonNode one = alice.get(query + "&cluster=" + cluster).json();
            assertThat(one.get("rows").findValuesAsText("cluster")).as(cluster).containsExactly(cluster);
            JsonNode unfiltered = both.get("rows").findParents("cluster").stream().filter(r -> r.get("cluster").asText().equals(cluster))
                    .findFirst().orElseThrow();
            assertThat(one.at("/rows/0/gpuSeconds").asDouble()).as(cluster).isEqualTo(unfiltered.get("gpuSeconds").asDouble());
            assertThat(one.at("/total/runs").asInt()).as(cluster).isEqualTo(1);
            assertThat(one.at("/total/gpuSeconds").asDouble()).as(cluster).isEqualTo(unfiltered.get("gpuSeconds").asDouble());
        }
        JsonNode none = alice.get("/api/v1/usage?project=" + project + "&cluster=a100").json();
        assertThat(none.get("rows")).as("no use on a100").isEmpty();
        assertThat(none.at("/total/runs").asInt()).isZero();
    }

    /** The run's periods, closed and open (its allocation rows), as every reader of usage over time sees them. */
    private List<Map<String, Object>> periodsOf(String run) {
        return jdbc.sql("select * from tasklane.usage_hold where run_id = ? order by replica_index, held_from").param(run).query().listOfRows();
    }

    /** Starts a one-replica-per-SKU job of {@code replicas} in the project as {@code who}, and waits for it to succeed. */
    private String runToTheEnd(Api who, int replicas) {
        Api.Response created = who.post("/api/v1/tasks", aTask().named("usage-job-" + replicas).project(project).replicas(replicas)
                .with("command", List.of("sleep", "1")).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String task = created.json().get("id").asText();
        String run = who.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        Await.until("run " + run + " to succeed", () -> who.get("/api/v1/runs/" + run).json(), r -> r.get("state").asText().equals("SUCCEEDED"));
        Await.until("run " + run + " to release its GPUs", () -> jdbc.sql("select count(*) from tasklane.allocation where run_id = ?")
                .param(run).query(Long.class).single(), held -> held == 0);
        return run;
    }

    private static Map<String, Double> secondsByUser(List<Map<String, Object>> periods) {
        Map<String, Long> micros = new HashMap<>();
        periods.forEach(p -> micros.merge((String) p.get("user_id"),
                ChronoUnit.MICROS.between(instant(p.get("held_from")), instant(p.get("held_to"))) * (Integer) p.get("gpus"), Long::sum));
        Map<String, Double> seconds = new HashMap<>();
        micros.forEach((user, total) -> seconds.put(user, total / 1_000_000.0));
        return seconds;
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }
}
