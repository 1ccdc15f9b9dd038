package io.tasklane.api;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.tasklane.support.Api;
import io.tasklane.support.Fixtures;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Filters, sort orders and paging of GET /api/v1/tasks, on a known set of tasks. */
@IntegrationTest
class TaskListTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api alice;
    Api carol;
    Api admin;
    final List<String> aliceIds = new ArrayList<>();

    @BeforeEach
    void sixKnownTasks() {
        io.tasklane.support.Database.deleteAllTasks(jdbc);
        alice = Api.anonymous(port).as("alice");
        carol = Api.anonymous(port).as("carol");
        admin = Api.anonymous(port).as("admin");
        aliceIds.clear();
        for (String name : List.of("bert-finetune", "llama-serve", "resnet-train", "llama-eval")) {
            aliceIds.add(alice.post("/api/v1/tasks", aTask().named(name).tags(name.startsWith("llama") ? "llm" : "cv", "team-a").json())
                    .json().get("id").asText());
        }
        admin.post("/api/v1/tasks", aTask().named("admin-job").tags("llm").json());
        carol.post("/api/v1/tasks", aTask().named("yolo").project(Fixtures.VISION).cluster("a100").tags("cv").json());
    }

    @Test
    void theDefaultIsNewestFirstOfNonArchivedTasksTwentyAtATime() {
        Api.Response page = alice.get("/api/v1/tasks");

        assertThat(page.json().get("total").asInt()).isEqualTo(5);
        assertThat(page.items("name")).containsExactly("admin-job", "llama-eval", "resnet-train", "llama-serve", "bert-finetune");
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(alice.get("/api/v1/tasks?name=llama-serve").items("name")).containsExactly("llama-serve");
        assertThat(alice.get("/api/v1/tasks?name=llama").items("name")).as("name is exact").isEmpty();
        assertThat(alice.get("/api/v1/tasks?text=LLAMA&sort=name&order=asc").items("name")).containsExactly("llama-eval", "llama-serve");
        assertThat(alice.get("/api/v1/tasks?text=" + aliceIds.get(2).substring(0, 9)).items("id")).containsExactly(aliceIds.get(2));
        assertThat(alice.get("/api/v1/tasks?text=50%25").json().get("total").asInt()).as("% is a literal").isZero();
        assertThat(alice.get("/api/v1/tasks?id=" + aliceIds.get(0) + "&id=" + aliceIds.get(3)).items("id"))
                .containsExactlyInAnyOrder(aliceIds.get(0), aliceIds.get(3));
        assertThat(alice.get("/api/v1/tasks?tag=llm&sort=name&order=asc").items("name")).containsExactly("admin-job", "llama-eval", "llama-serve");
        assertThat(alice.get("/api/v1/tasks?tag=llm&tag=team-a&sort=name&order=asc").items("name"))
                .as("every tag must match").containsExactly("llama-eval", "llama-serve");
        assertThat(alice.get("/api/v1/tasks?creator=admin").items("name")).containsExactly("admin-job");
        assertThat(alice.get("/api/v1/tasks?project=demo").json().get("total").asInt()).isEqualTo(5);
        assertThat(alice.get("/api/v1/tasks?project=vision").json().get("total").asInt()).as("not alice's project").isZero();
        assertThat(admin.get("/api/v1/tasks?cluster=a100").items("name")).containsExactly("yolo");
        assertThat(alice.get("/api/v1/tasks?state=CREATED").json().get("total").asInt()).isEqualTo(5);
        assertThat(alice.get("/api/v1/tasks?state=RUNNING&state=QUEUED").json().get("total").asInt()).isZero();
    }

    @Test
    void sortOrdersAreStable() {
        assertThat(alice.get("/api/v1/tasks?sort=name&order=asc").items("name"))
                .containsExactly("admin-job", "bert-finetune", "llama-eval", "llama-serve", "resnet-train");
        assertThat(alice.get("/api/v1/tasks?sort=name&order=desc").items("name"))
                .containsExactly("resnet-train", "llama-serve", "llama-eval", "bert-finetune", "admin-job");
        assertThat(alice.get("/api/v1/tasks?sort=id&order=asc").items("id")).isSorted();
        assertThat(alice.get("/api/v1/tasks?sort=createdAt&order=asc").items("name"))
                .containsExactly("bert-finetune", "llama-serve", "resnet-train", "llama-eval", "admin-job");

        alice.put("/api/v1/tasks/" + aliceIds.get(0), aTask().named("bert-finetune").replicas(2).json());
        assertThat(alice.get("/api/v1/tasks?sort=updatedAt&order=desc").items("name").get(0)).isEqualTo("bert-finetune");
    }

    @Test
    void pagesDoNotOverlapAndTotalCountsAllMatches() {
        Api.Response first = alice.get("/api/v1/tasks?sort=name&order=asc&limit=2");
        Api.Response second = alice.get("/api/v1/tasks?sort=name&order=asc&limit=2&offset=2");
        Api.Response last = alice.get("/api/v1/tasks?sort=name&order=asc&limit=2&offset=4");
        Api.Response beyond = alice.get("/api/v1/tasks?sort=name&order=asc&limit=2&offset=10");

        assertThat(first.items("name")).containsExactly("admin-job", "bert-finetune");
        assertThat(second.items("name")).containsExactly("llama-eval", "llama-serve");
        assertThat(last.items("name")).containsExactly("resnet-train");
        assertThat(beyond.items("name")).isEmpty();
        assertThat(List.of(first, second, last, beyond)).allSatisfy(page -> assertThat(page.json().get("total").asInt()).isEqualTo(5));
    }

    @Test
    void anAdminSeesEveryProject() {
        assertThat(admin.get("/api/v1/tasks").json().get("total").asInt()).isEqualTo(6);
        assertThat(carol.get("/api/v1/tasks").items("name")).containsExactly("yolo");
    }
}
