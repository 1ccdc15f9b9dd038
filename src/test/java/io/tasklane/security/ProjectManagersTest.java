package io.tasklane.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A project's managers add and remove its plain members; only admins appoint or remove managers. */
@IntegrationTest
class ProjectManagersTest {

    @LocalServerPort
    int port;
    Api admin;
    Api dave;
    String project;

    @BeforeEach
    void setUp() {
        admin = Api.anonymous(port).as("admin");
        dave = Api.anonymous(port).as("dave");
        project = "managed-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        assertThat(admin.put(members() + "/dave", "{\"role\": \"MANAGER\"}").status()).isEqualTo(204);
    }

    @Test
    void aManagerManagesPlainMembersOnly() {
        assertThat(dave.put(members() + "/alice", "").status()).isEqualTo(204);
        assertThat(dave.put(members() + "/bob", "{\"role\": \"MEMBER\"}").status()).isEqualTo(204);

        Api.Response appoint = dave.put(members() + "/bob", "{\"role\": \"MANAGER\"}");
        assertThat(appoint.status()).isEqualTo(403);
        assertThat(appoint.json().get("field").asText()).isEqualTo("role");
        assertThat(appoint.json().get("detail").asText()).contains("appoint or remove a project's managers");
        assertThat(admin.put(members() + "/carol", "{\"role\": \"MANAGER\"}").status()).isEqualTo(204);
        assertThat(dave.delete(members() + "/carol").status()).as("a manager does not remove another").isEqualTo(403);
        assertThat(dave.put(members() + "/carol", "{\"role\": \"MEMBER\"}").status()).as("nor demotes one").isEqualTo(403);
        assertThat(dave.delete(members() + "/bob").status()).isEqualTo(204);

        Api.Response list = dave.get(members());
        assertThat(list.json().get("items").toString())
                .isEqualTo("[{\"userId\":\"alice\",\"role\":\"MEMBER\"},{\"userId\":\"carol\",\"role\":\"MANAGER\"},{\"userId\":\"dave\",\"role\":\"MANAGER\"}]");
        assertThat(admin.put(members() + "/alice", "").status()).as("a put without a role keeps the member's role").isEqualTo(204);
        assertThat(dave.get(members()).json().at("/items/0/role").asText()).isEqualTo("MEMBER");
    }

    @Test
    void aPlainMemberAndAnOutsiderManageNothing() {
        assertThat(admin.put(members() + "/alice", "").status()).isEqualTo(204);

        Api.Response byMember = Api.anonymous(port).as("alice").put(members() + "/bob", "");
        Api.Response byOutsider = Api.anonymous(port).as("carol").delete(members() + "/alice");
        Api.Response byManagerElsewhere = dave.put("/api/v1/projects/demo/members/bob", "");

        assertThat(byMember.status()).isEqualTo(403);
        assertThat(byOutsider.status()).isEqualTo(403);
        assertThat(byManagerElsewhere.status()).isEqualTo(403);
        assertThat(admin.put(members() + "/dave", "{\"role\": \"BOSS\"}").status()).isEqualTo(400);
    }

    private String members() {
        return "/api/v1/projects/" + project + "/members";
    }
}
