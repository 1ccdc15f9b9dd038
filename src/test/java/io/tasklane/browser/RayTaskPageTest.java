package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.tasklane.browser.ConsolePages.TaskPage;
import io.tasklane.browser.ConsolePages.TasksPage;
import io.tasklane.runtime.local.RayServeLocalTest;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A running Ray Serve task on the Tasks and Task pages, with real Ray 2.58: its endpoint, and its Ray dashboard where
 * Ray has one, else the words that it has none, never a dead link. Ray starts its dashboard only with its dashboard
 * packages ({@code ray[default]}), which the machine's local wheels may lack; the test asks the virtualenv which case
 * it is in and expects the page to say the same as the API.
 */
@IntegrationTest
class RayTaskPageTest {

    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @LocalServerPort
    int port;

    @BeforeAll
    static void buildVenv() throws Exception {
        RayServeLocalTest.buildVenv();
    }

    @Test
    void aRunningRayServeTaskShowsItsEndpointAndItsDashboardOrSaysItHasNone() throws Exception {
        String name = "ray-access-" + Long.toString(System.nanoTime(), 36);
        String task = alice().post("/api/v1/tasks", aTask().named(name).with("kind", "SERVICE")
                .ray("src.test.resources.ray.echo_app", "app").json()).json().get("id").asText();
        String run = alice().post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        try {
            JsonNode running = Await.until(RayServeLocalTest.RAY_PATIENCE, "Ray Serve run " + run + " to be RUNNING",
                    () -> alice().get("/api/v1/runs/" + run).json(),
                    r -> r.get("state").asText().matches("RUNNING|FAILED|STOPPED|KILLED|SUCCEEDED"));
            assertThat(running.get("state").asText()).as(running.toString()).isEqualTo("RUNNING");
            boolean dashboardPackages = importable("aiohttp_cors");
            JsonNode dashboard = alice().get("/api/v1/runs/" + run).json().path("dashboard"); // left out when there is none

            Page page = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 800))
                    .newPage();
            ConsolePages.signIn(page, base(), "alice", "alice");
            TasksPage tasks = TasksPage.open(page, base(), name);
            assertThat(tasks.row(task).locator("td:nth-child(6) a").first()).hasAttribute("href", running.get("endpoint").asText());
            TaskPage taskPage = TaskPage.open(page, base(), task);
            if (dashboardPackages) {
                assertThat(dashboard.isTextual()).as("Ray with its dashboard packages has a dashboard").isTrue();
                assertThat(page.locator(".subtitle a.dashboard")).hasAttribute("href", dashboard.asText());
            } else {
                assertThat(dashboard.isTextual()).as("no dashboard without Ray's dashboard packages").isFalse();
                assertThat(page.locator(".subtitle .dashboard-missing")).hasText("no Ray dashboard (Ray runs without its dashboard packages)");
                assertThat(page.locator("a.dashboard")).hasCount(0);
                assertThat(tasks.page().locator(".subtitle")).containsText(running.get("endpoint").asText());
            }
            ConsolePages.screenshot(page, "task-ray-serve");
            page.context().close();
        } finally {
            alice().post("/api/v1/tasks/" + task + "/stop", null);
        }
    }

    private static boolean importable(String module) throws Exception {
        Process python = new ProcessBuilder(RayServeLocalTest.VENV.resolve("bin/python").toString(), "-c", "import " + module)
                .redirectErrorStream(true).redirectOutput(Path.of("target/ray-dashboard-check.log").toFile()).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return python.exitValue() == 0;
    }

    private Api alice() {
        return Api.anonymous(port).as("alice");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
