package io.tasklane.api;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklane.support.Api;
import io.tasklane.support.Fixtures;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    Api anonymous;

    @BeforeEach
    void setUp() {
        anonymous = Api.anonymous(port);
    }

    @Test
    void healthAndOpenApiAreAnonymous() {
        assertThat(anonymous.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.get("/v3/api-docs").json().at("/paths").has("/api/v1/tasks")).isTrue();
    }

    @Test
    void theApiRefusesAnonymousCallsWithABasicChallenge() {
        Api.Response response = anonymous.get("/api/v1/tasks");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.post("/api/v1/tasks", aTask().json()).status()).isEqualTo(401);
    }

    @Test
    void engineRestRefusesAnonymousCalls() {
        assertThat(anonymous.get("/engine-rest/process-definition").status()).isEqualTo(401);
        assertThat(anonymous.post("/engine-rest/process-definition/key/task-run/start", "{}").status()).isEqualTo(401);
        assertThat(anonymous.as("nobody", "wrong").get("/engine-rest/engine").status()).isEqualTo(401);
        assertThat(anonymous.as("admin").get("/engine-rest/engine").status()).isEqualTo(200);
    }

    @Test
    void engineRestAppliesCamundaAuthorizationToNonAdmins() {
        // alice holds no Camunda permission beyond her own user entry: the user list shows only her.
        assertThat(anonymous.as("alice").get("/engine-rest/user").json().findValuesAsText("id")).containsExactly("alice");
        assertThat(anonymous.as("admin").get("/engine-rest/user").json().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWrongPasswordOrUnknownUserIsUnauthenticated() {
        // dave exists only to be locked out: Camunda delays a user's next login after a failed one.
        assertThat(anonymous.as("dave", "nope").get("/api/v1/tasks").status()).isEqualTo(401);
        assertThat(anonymous.as("nobody", "nobody").get("/api/v1/tasks").status()).isEqualTo(401);
    }

    @Test
    void nobodyCanCreateAnEngineAdminThroughTheWebappsFirstUserSetup() {
        Api.Response setup = anonymous.post("/camunda/api/admin/setup/default/user/create",
                "{\"profile\": {\"id\": \"intruder\", \"firstName\": \"I\", \"lastName\": \"N\"},"
                        + " \"credentials\": {\"password\": \"intruder1\"}}");

        assertThat(setup.status()).isIn(401, 403);
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count())
                .as("the dev admin is a Camunda admin, so the webapps show their login, not their setup page").isEqualTo(1);
    }

    @Test
    void theWebappsTakeTheConsoleSignIn() {
        // A webapp page without a session goes to the console's sign-in page; a webapp API call is refused.
        Api.Response tasklist = anonymous.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.status()).isEqualTo(200);
        assertThat(tasklist.raw().uri().getPath()).isEqualTo("/login");
        assertThat(anonymous.get("/camunda/api/engine/engine/default/user").status()).isIn(401, 403);
    }

    @Test
    void otherProjectsTasksAreInvisible() {
        Api alice = anonymous.as("alice");
        Api carol = anonymous.as("carol");
        String aliceTask = alice.post("/api/v1/tasks", aTask().json()).json().get("id").asText();
        String carolTask = carol.post("/api/v1/tasks", aTask().project(Fixtures.VISION).cluster("a100").json()).json().get("id").asText();

        assertThat(carol.get("/api/v1/tasks/" + aliceTask).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/tasks/" + carolTask).status()).isEqualTo(404);
        assertThat(carol.delete("/api/v1/tasks/" + aliceTask).status()).isEqualTo(404);
        assertThat(carol.put("/api/v1/tasks/" + aliceTask, aTask().json()).status()).isEqualTo(404);
        assertThat(carol.post("/api/v1/tasks/" + aliceTask + "/copy", "{}").status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/tasks?limit=500").items("id"))
                .contains(aliceTask).doesNotContain(carolTask);
        assertThat(carol.get("/api/v1/tasks?limit=500").items("project"))
                .containsOnly(Fixtures.VISION);
        assertThat(anonymous.as("admin").get("/api/v1/tasks/" + carolTask).status()).isEqualTo(200);
    }

    @Test
    void aTeammateWithoutTheClusterGrantSeesTheTaskButCannotRunItThere() {
        String task = anonymous.as("alice").post("/api/v1/tasks", aTask().json()).json().get("id").asText();
        Api erin = anonymous.as(Fixtures.UNGRANTED_MEMBER);

        assertThat(erin.get("/api/v1/tasks/" + task).status()).isEqualTo(200);
        assertForbidden(erin.post("/api/v1/tasks/" + task + "/start", null), "cluster");
        assertForbidden(erin.post("/api/v1/tasks/" + task + "/pin-requests", "{}"), "cluster");
        assertForbidden(erin.put("/api/v1/tasks/" + task + "/schedule",
                "{\"type\": \"ONE_OFF\", \"timeZone\": \"UTC\", \"at\": \"2099-01-01T09:30:00\"}"), "cluster");
        assertThat(erin.delete("/api/v1/tasks/" + task + "/schedule").status()).as("removing a schedule starts nothing").isEqualTo(204);
        assertThat(anonymous.as("alice").get("/api/v1/tasks/" + task).json().get("state").asText()).isEqualTo("CREATED");
    }

    private static void assertForbidden(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void aUserWithoutProjectsSeesNoTasksAndCannotCreateOne() {
        Api bob = anonymous.as("bob");
        assertThat(bob.get("/api/v1/tasks").json().get("total").asLong()).isZero();

        Api.Response response = bob.post("/api/v1/tasks", aTask().json());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("field").asText()).isEqualTo("project");
    }

    @Test
    void clustersAreListedOnlyWhereGranted() {
        assertThat(anonymous.as("alice").get("/api/v1/clusters").items("name"))
                .containsExactly("chaos", "kubernetes", "levers", "local", "sim", "usage");
        assertThat(anonymous.as("carol").get("/api/v1/clusters").items("name"))
                .containsExactly("a100");
        assertThat(anonymous.as("bob").get("/api/v1/clusters").json().get("total").asInt()).isZero();
        assertThat(anonymous.as("admin").get("/api/v1/clusters").items("name"))
                .contains("a100", "local", "private");
        assertThat(anonymous.as("alice").get("/api/v1/clusters/a100").status()).isEqualTo(404);
    }

    @Test
    void adminOperationsAreForbiddenToOthers() {
        Api alice = anonymous.as("alice");
        assertThat(alice.post("/api/v1/clusters", "{\"name\":\"mine\",\"gpuType\":\"x\",\"sku\":{\"gpus\":1,\"cpu\":1,\"memoryGib\":1}}").status())
                .isEqualTo(403);
        assertThat(alice.post("/api/v1/projects", "{\"name\":\"mine\"}").status()).isEqualTo(403);
        assertThat(alice.put("/api/v1/projects/demo/members/bob", "{}").status()).isEqualTo(403);
        assertThat(alice.get("/actuator/env").status()).isEqualTo(403);
    }
}
