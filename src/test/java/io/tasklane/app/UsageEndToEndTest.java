package io.tasklane.app;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Usage end to end, on PostgreSQL, with a Tasklane whose clock the test sets: alice (project vision, 2 GPUs) and
 * bob (project audio, 1 GPU) hold GPUs from 23:00 in Taipei (15:00 UTC) across midnight; Tasklane is killed
 * (SIGKILL) at 23:30 and started again at 00:30; alice's daily window shrinks her run to one GPU at 00:45; both
 * runs are stopped at 01:00. The open periods (the allocation rows) survive the crash and count up to now; each day
 * holds exactly what was held before and after midnight and the resize, to the second; each replica ends with one
 * closed period from its admission; alice sees her own use, carol (vision's manager) the project's, the admin
 * everything.
 */
class UsageEndToEndTest {

    static final Instant START = Instant.parse("2026-12-06T15:00:00Z");

    @TempDir
    Path dataDir;
    EmbeddedPostgres postgres;
    ChildTasklane tasklane;

    @AfterEach
    void stop() throws Exception {
        if (tasklane != null) {
            tasklane.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void hoursAcrossMidnightInTaipeiAndACrashAreExactAndEachSeesTheirShare() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Path clock = dataDir.resolve("clock");
        ControlledClock.set(clock, START);
        tasklane = new ChildTasklane(dataDir.resolve("tasklane")).onPostgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres");
        String[] clockArgs = {"--spring.main.sources=io.tasklane.app.ControlledClock", "--tasklane.test.clock-file=" + clock};
        tasklane.start("before-crash.log", clockArgs);
        Api admin = tasklane.api().as("admin");
        people(admin);
        Api alice = tasklane.api().as("alice");
        Api bob = tasklane.api().as("bob");

        String alicesRun = start(alice, "vision", "train", 2);
        String bobsRun = start(bob, "audio", "asr", 1);
        awaitRun(admin, alicesRun, r -> r.path("state").asText().equals("RUNNING"));
        awaitRun(admin, bobsRun, r -> r.path("state").asText().equals("RUNNING"));
        assertThat(admin.get("/api/v1/runs/" + alicesRun).json().get("admittedAt").asText()).isEqualTo("2026-12-06T15:00:00Z");
        shrinkToOneAtQuarterToOneInTaipei(alice, admin.get("/api/v1/runs/" + alicesRun).json().get("taskId").asText());

        ControlledClock.set(clock, Instant.parse("2026-12-06T15:30:00Z"));
        tasklane.kill();
        ControlledClock.set(clock, Instant.parse("2026-12-06T16:30:00Z"));
        tasklane.start("after-crash.log", clockArgs);
        awaitRun(admin, alicesRun, r -> r.path("state").asText().equals("RUNNING"));
        awaitRun(admin, bobsRun, r -> r.path("state").asText().equals("RUNNING"));
        JdbcClient database = JdbcClient.create(postgres.getPostgresDatabase());
        assertThat(holdings(database)).as("the crash kept the open periods: the allocation rows, held from the admission")
                .containsExactly("open 2026-12-06T15:00:00Z", "open 2026-12-06T15:00:00Z", "open 2026-12-06T15:00:00Z");
        assertThat(rows(admin.get("/api/v1/usage?from=2026-12-06&to=2026-12-07&timeZone=Asia/Taipei&groupBy=user").json()))
                .as("held up to now, across the crash").containsExactly("alice 10800.0 runs=1", "bob 5400.0 runs=1");
        ControlledClock.set(clock, Instant.parse("2026-12-06T16:45:00Z"));
        Await.until("alice's daily window to shrink her run to one replica", () -> admin.get("/api/v1/clusters/local").json().path("freeSkus").asInt(),
                free -> free == 2);
        ControlledClock.set(clock, Instant.parse("2026-12-06T17:00:00Z"));
        stop(alice, alicesRun);
        stop(bob, bobsRun);
        Await.until("every GPU to be free", () -> admin.get("/api/v1/clusters/local").json().path("freeSkus").asInt(), free -> free == 4);

        String byUserAndDay = "/api/v1/usage?from=2026-12-06&to=2026-12-07&timeZone=Asia/Taipei&groupBy=user,day";
        assertThat(rows(admin.get(byUserAndDay).json())).containsExactly(
                "alice 2026-12-06 7200.0 runs=1", "alice 2026-12-07 6300.0 runs=1",
                "bob 2026-12-06 3600.0 runs=1", "bob 2026-12-07 3600.0 runs=1");
        assertThat(rows(alice.get(byUserAndDay).json())).containsExactly("alice 2026-12-06 7200.0 runs=1", "alice 2026-12-07 6300.0 runs=1");
        assertThat(rows(tasklane.api().as("carol").get(byUserAndDay).json()))
                .as("vision's manager sees vision's use").containsExactly("alice 2026-12-06 7200.0 runs=1", "alice 2026-12-07 6300.0 runs=1");
        assertThat(rows(bob.get(byUserAndDay).json())).containsExactly("bob 2026-12-06 3600.0 runs=1", "bob 2026-12-07 3600.0 runs=1");
        JsonNode byProject = admin.get("/api/v1/usage?from=2026-12-06&to=2026-12-07&timeZone=Asia/Taipei&groupBy=project").json();
        assertThat(rows(byProject)).containsExactly("audio 7200.0 runs=1", "vision 13500.0 runs=1");
        assertThat(byProject.at("/total/gpuHours").asDouble()).isEqualTo(5.75);
        assertThat(holdings(database)).as("one closed period per replica, from its admission, none doubled by the restart")
                .containsExactly("2026-12-06T15:00:00Z-2026-12-06T16:45:00Z", "2026-12-06T15:00:00Z-2026-12-06T17:00:00Z",
                        "2026-12-06T15:00:00Z-2026-12-06T17:00:00Z");
        assertThat(database.sql("select count(*) from tasklane.usage_period").query(Long.class).single()).isEqualTo(3);
        String csv = admin.send(admin.request(byUserAndDay).header("Accept", "text/csv").GET()).body();
        assertThat(csv).contains("alice,2026-12-06,2,2,7200,1\r\n", "bob,2026-12-07,1,1,3600,1\r\n");
    }

    /** Every period of the view usage_hold, closed ("from-to") and open ("open from"), in order. */
    private static List<String> holdings(JdbcClient database) {
        return database.sql("select held_from, held_to from tasklane.usage_hold").query((rs, i) -> {
            Instant from = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            java.time.OffsetDateTime to = rs.getObject(2, java.time.OffsetDateTime.class);
            return to == null ? "open " + from : from + "-" + to.toInstant();
        }).list().stream().sorted().toList();
    }

    /** A daily window at 00:45 Taipei (16:45 UTC) of one replica: it resizes alice's running run from two to one. */
    private static void shrinkToOneAtQuarterToOneInTaipei(Api alice, String task) {
        Api.Response scheduled = alice.put("/api/v1/tasks/" + task + "/schedule", """
                {"type": "DAILY", "timeZone": "Asia/Taipei", "active": true,
                 "windows": [{"time": "00:45", "minReplicas": 1, "maxReplicas": 1}]}""");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        assertThat(scheduled.json().get("nextFireAt").asText()).isEqualTo("2026-12-06T16:45:00Z");
    }

    /** alice and bob may use cluster local; alice is in vision, bob in audio, carol manages vision. */
    private static void people(Api admin) {
        for (String user : List.of("alice", "bob", "carol")) {
            Api.Response created = admin.post("/engine-rest/user/create", "{\"profile\": {\"id\": \"" + user + "\", \"firstName\": \"" + user
                    + "\", \"lastName\": \"Test\", \"email\": \"" + user + "@example.org\"}, \"credentials\": {\"password\": \"" + user + "\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(204);
        }
        for (String project : List.of("vision", "audio")) {
            assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        }
        assertThat(admin.put("/api/v1/projects/vision/members/alice", "").status()).isEqualTo(204);
        assertThat(admin.put("/api/v1/projects/vision/members/carol", "{\"role\": \"MANAGER\"}").status()).isEqualTo(204);
        assertThat(admin.put("/api/v1/projects/audio/members/bob", "").status()).isEqualTo(204);
        for (String user : List.of("alice", "bob")) {
            assertThat(admin.post("/api/v1/clusters/local/grants", "{\"user\": \"" + user + "\"}").status()).isEqualTo(204);
        }
    }

    private static String start(Api who, String project, String name, int replicas) {
        Api.Response created = who.post("/api/v1/tasks", aTask().named(name).project(project).replicas(replicas)
                .with("command", List.of("sleep", "3600")).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response started = who.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private static void stop(Api who, String run) {
        String task = who.get("/api/v1/runs/" + run).json().get("taskId").asText();
        assertThat(who.post("/api/v1/tasks/" + task + "/stop", null).status()).isEqualTo(202);
        awaitRun(who, run, r -> r.path("state").asText().equals("STOPPED"));
    }

    /** Rows as "keys... gpuSeconds runs=n". */
    private static List<String> rows(JsonNode report) {
        List<String> rows = new java.util.ArrayList<>();
        report.get("rows").forEach(row -> {
            StringBuilder line = new StringBuilder();
            report.get("groupBy").forEach(key -> line.append(row.get(key.asText()).asText()).append(' '));
            rows.add(line.append(row.get("gpuSeconds").asDouble()).append(" runs=").append(row.get("runs").asInt()).toString());
        });
        return rows;
    }

    private static JsonNode awaitRun(Api api, String run, Predicate<JsonNode> condition) {
        return Await.until(java.time.Duration.ofSeconds(120), "run " + run, () -> {
            try {
                return api.get("/api/v1/runs/" + run).json();
            } catch (RuntimeException notUpYet) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }, condition);
    }
}
