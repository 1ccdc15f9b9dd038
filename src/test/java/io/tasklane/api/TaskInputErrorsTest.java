package io.tasklane.api;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a user can get wrong over HTTP: each case is a 4xx problem naming the field and the rule, never a 500. */
@IntegrationTest
class TaskInputErrorsTest {

    @LocalServerPort
    int port;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    static Stream<Arguments> badTaskBodies() {
        return Stream.of(
                bad("malformed JSON", "{\"name\": ", 400, null, "json-syntax"),
                bad("empty body", "", 400, null, "body-required"),
                bad("a JSON array instead of an object", "[1, 2]", 400, null, "json-object"),
                bad("unknown field", aTask().with("replica", 2).json(), 400, "replica", "unknown-field"),
                bad("unknown kind", aTask().with("kind", "DAEMON").json(), 400, "kind", "type"),
                bad("replicas as text", aTask().with("replicas", "two").json(), 400, "replicas", "type"),
                bad("replicas as a fraction", aTask().with("replicas", 1.5).json(), 400, "replicas", "type"),
                bad("ports as an object", aTask().with("ports", Map.of("containerPort", 80)).json(), 400, "ports", "type"),
                bad("zero replicas", aTask().replicas(0).json(), 400, "replicas", "min"),
                bad("negative replicas", aTask().replicas(-1).json(), 400, "replicas", "min"),
                bad("more SKUs per replica than any node has", aTask().skuPerReplica(5).json(), 400, "skuPerReplica", "fits-node"),
                bad("unknown cluster", aTask().cluster("nowhere").json(), 400, "cluster", "granted-cluster"),
                bad("ungranted cluster", aTask().cluster("a100").json(), 400, "cluster", "granted-cluster"),
                bad("no cluster", aTask().cluster(null).json(), 400, "cluster", "required"),
                bad("unknown project", aTask().project("ghost").json(), 400, "project", "exists"),
                bad("project of others", aTask().project("vision").json(), 403, "project", null),
                bad("port out of range", aTask().with("ports", List.of(Map.of("containerPort", 70000))).json(), 400,
                        "ports[0].containerPort", "port-range"),
                bad("port repeated", aTask().with("ports", List.of(Map.of("containerPort", 80), Map.of("containerPort", 80))).json(),
                        400, "ports[1].containerPort", "unique"),
                bad("bad env name", aTask().with("env", Map.of("MY-VAR", "1")).json(), 400, "env.MY-VAR", "env-name"),
                bad("bad SHM_SIZE", aTask().with("env", Map.of("SHM_SIZE", "60GB")).json(), 400, "env.SHM_SIZE", "shm-size"),
                bad("name not a DNS label", aTask().named("My Task").json(), 400, "name", "dns-label"),
                bad("NUL character in a string", aTask().with("description", "a\u0000b").json(), 400, "description",
                        "no-nul-character"),
                bad("NUL character deep in a list", aTask().with("command", List.of("python", "\u0000")).json(), 400,
                        "command[1]", "no-nul-character"),
                bad("number too large for replicas", aTask().with("replicas", 99999999999L).json(), 400, "replicas", "type"),
                bad("both entries", aTask().with("ray", Map.of("filePath", "serve", "deploymentName", "app")).json(), 400,
                        "ray", "entry-exactly-one"));
    }

    @ParameterizedTest
    @MethodSource("badTaskBodies")
    void aBadTaskBodyIsAProblemNamingFieldAndRule(String body, int status, String field, String rule) {
        Api.Response response = alice.post("/api/v1/tasks", body);

        assertProblem(response, status, field, rule);
    }

    @Test
    void aDuplicateNameInTheProjectIsAConflict() {
        String body = aTask().named("dup-" + System.nanoTime()).json();
        assertThat(alice.post("/api/v1/tasks", body).status()).isEqualTo(201);

        assertProblem(alice.post("/api/v1/tasks", body), 409, "name", "unique");
    }

    @Test
    void aWrongContentTypeIs415() {
        Api.Response response = alice.send(alice.request("/api/v1/tasks").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(aTask().json())));

        assertProblem(response, 415, null, null);
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String big = aTask().with("description", "x".repeat(1024 * 1024)).json();

        assertProblem(alice.post("/api/v1/tasks", big), 413, "body", "max-size");
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413() {
        byte[] big = aTask().with("description", "x".repeat(1100 * 1024)).json().getBytes();
        // ofInputStream has no length, so the body goes chunked and only counting while reading can stop it.
        Api.Response response = alice.send(alice.request("/api/v1/tasks").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertProblem(response, 413, "body", "max-size");
    }

    static Stream<Arguments> badListQueries() {
        return Stream.of(
                bad("page size over the limit", "limit=501", 400, "limit", "range"),
                bad("page size zero", "limit=0", 400, "limit", "range"),
                bad("negative offset", "offset=-1", 400, "offset", "min"),
                bad("unknown state", "state=RUNNING&state=SLEEPING", 400, "state", "type"),
                bad("unknown sort", "sort=size", 400, "sort", "type"),
                bad("unknown order", "order=up", 400, "order", "type"),
                bad("limit not a number", "limit=ten", 400, "limit", "type"),
                bad("NUL character in text", "text=a%00b", 400, "text", "no-nul-character"),
                bad("NUL character in a tag", "tag=x&tag=%00", 400, "tag", "no-nul-character"));
    }

    @ParameterizedTest
    @MethodSource("badListQueries")
    void aBadListQueryIsAProblemNamingTheParameter(String query, int status, String field, String rule) {
        assertProblem(alice.get("/api/v1/tasks?" + query), status, field, rule);
    }

    @Test
    void anIdThatCannotBeATaskIsNotFound() {
        assertProblem(alice.get("/api/v1/tasks/%20"), 404, null, null);
        assertProblem(alice.get("/api/v1/tasks/" + "x".repeat(40)), 404, null, null);
    }

    @Test
    void noFailedCreateLeavesATaskBehind() {
        long before = alice.get("/api/v1/tasks").json().get("total").asLong();
        badTaskBodies().map(arguments -> (String) arguments.get()[0]).forEach(body -> alice.post("/api/v1/tasks", body));

        assertThat(alice.get("/api/v1/tasks").json().get("total").asLong()).isEqualTo(before);
    }

    static void assertProblem(Api.Response response, int status, String field, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        Function<String, String> text = name -> problem.hasNonNull(name) ? problem.get(name).asText() : null;
        assertThat(text.apply("field")).isEqualTo(field);
        assertThat(text.apply("rule")).isEqualTo(rule);
    }

    private static Arguments bad(String name, String input, int status, String field, String rule) {
        return argumentSet(name, input, status, field, rule);
    }
}
