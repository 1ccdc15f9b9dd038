package io.tasklane.api;

import static io.tasklane.api.TaskInputErrorsTest.assertProblem;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.util.stream.Stream;

import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests refused before a controller reads them (by Tomcat, by Spring Security's request firewall, by the
 * servlet's multipart parsing) or that used to fail on their way to the database: each is a 4xx problem+json
 * with the field and the rule, never an HTML page or a 500. Found by {@code fuzz.ApiFuzzTest}.
 */
@IntegrationTest
class RefusedRequestsTest {

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.anonymous(port).as("admin");
    }

    static Stream<Arguments> oddPathIds() {
        return Stream.of(
                // Tomcat refuses these while decoding the address: they used to get its HTML error page.
                odd("an encoded slash climbing up", "..%2f", "path-characters"),
                odd("an encoded NUL", "%00", "path-characters"),
                odd("an encoded backslash", "a%5Cb", "path-characters"),
                odd("a byte that is not UTF-8", "%FF", "path-characters"),
                // Spring Security's firewall refuses these: they used to get Spring Boot's plain JSON error.
                odd("a semicolon", "a;b", "path-characters"),
                odd("encoded dots", "%2e%2e", "path-characters"),
                odd("a doubly encoded slash", "a%252Fb", "path-characters"));
    }

    @ParameterizedTest
    @MethodSource("oddPathIds")
    void aPathIdWithCharactersNoIdHasIsAProblemNamingThePath(String id, String rule) {
        assertProblem(admin.get("/api/v1/tasks/" + id), 400, "path", rule);
        assertProblem(admin.post("/api/v1/tasks/" + id + "/start", null), 400, "path", rule);
        assertProblem(Api.anonymous(port).get("/api/v1/tasks/" + id), 400, "path", rule);
    }

    @Test
    void anEngineRestAddressWithAnEncodedSlashIsAProblemToo() {
        assertProblem(admin.post("/engine-rest/task/..%2f/complete", "{}"), 400, "path", "path-characters");
    }

    @Test
    void aRequestHeadOverTheSizeLimitIsAProblem() {
        assertProblem(admin.get("/api/v1/tasks/" + "x".repeat(20 * 1024)), 400, null, "max-size");
        assertProblem(admin.get("/api/v1/tasks?text=" + "x".repeat(100 * 1024)), 400, null, "max-size");
    }

    @Test
    void theConsoleAndWebappsKeepTheirOwnErrorPages() {
        Api.Response webapp = admin.get("/camunda/app/..%2f");

        assertThat(webapp.status()).isEqualTo(400);
        assertThat(webapp.contentType()).doesNotStartWith("application/problem+json");
    }

    @Test
    void aMultipartBodyIs415NotAnInternalError() {
        assertProblem(admin.send(admin.request("/api/v1/tasks").header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString(aTask().json()))), 415, null, null);
    }

    @Test
    void aWildcardContentTypeOnAnOptionalBodyIs415NotAnInternalError() {
        String task = admin.post("/api/v1/tasks", aTask().json()).json().get("id").asText();

        assertProblem(admin.send(admin.request("/api/v1/tasks/" + task + "/copy").header("Content-Type", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, null, null);
        assertProblem(admin.send(admin.request("/api/v1/pin-requests/p-none/approve").header("Content-Type", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, null, null);
        assertThat(admin.send(admin.request("/api/v1/tasks/" + task + "/copy").POST(HttpRequest.BodyPublishers.noBody()))
                .status()).as("no body needs no content type").isEqualTo(201);
    }

    @Test
    void aNulCharacterInAnyQueryParameterIsAProblemNamingIt() {
        assertProblem(admin.delete("/api/v1/clusters/local/grants?user=a%00b"), 400, "user", "no-nul-character");
        assertProblem(admin.get("/api/v1/runs/r-none/instances/0/logs?tail=%00"), 400, "tail", "no-nul-character");
    }

    @Test
    void aBodyOverALimitOfTheJsonReaderSaysWhichLimitNotThatItIsNotJson() {
        Api.Response number = admin.post("/api/v1/tasks", aTask().with("priority", new BigInteger("9".repeat(5000))).json());
        Api.Response deep = admin.post("/api/v1/tasks", "[".repeat(100_000));

        // Jackson does not say where a limit was hit, so no field is named.
        assertProblem(number, 400, null, "json-limits");
        assertThat(number.json().get("detail").asText()).contains("Number value length");
        assertProblem(deep, 400, null, "json-limits");
        assertThat(deep.json().get("detail").asText()).contains("nesting depth");
    }

    private static Arguments odd(String name, String id, String rule) {
        return argumentSet(name, id, rule);
    }
}
