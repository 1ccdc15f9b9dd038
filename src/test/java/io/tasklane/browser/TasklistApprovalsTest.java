package io.tasklane.browser;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an admin sees and does in Camunda Tasklist, in Debian's headless Chromium: log in as the dev admin,
 * open the "Tasklane approvals" filter, review a pin request (the form shows the task's name), approve it,
 * then confirm a force-start, and check the outcome through Tasklane's API.
 */
@IntegrationTest
class TasklistApprovalsTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TASKLANE_CHROMIUM", "/usr/bin/chromium"));

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    final List<String> started = new ArrayList<>();

    @BeforeAll
    static void launchChromium() {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium), or TASKLANE_CHROMIUM").satisfies(Files::isExecutable);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--disable-dev-shm-usage", "--no-sandbox")));
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void stopTasks() {
        Api alice = Api.anonymous(port).as("alice");
        started.forEach(task -> alice.post("/api/v1/tasks/" + task + "/stop", null));
        Await.until("cluster levers to be empty", () -> alice.get("/api/v1/clusters/levers").json(),
                c -> c.get("freeSkus").asInt() == 8);
    }

    @Test
    void anAdminApprovesAPinAndConfirmsAForceStartInTasklist() {
        Api alice = Api.anonymous(port).as("alice");
        Api admin = Api.anonymous(port).as("admin");
        String victim = startService(alice, "batch-eval", 0);
        String spared = startService(alice, "prod-endpoint", 5);
        awaitState(alice, victim, "RUNNING");
        awaitState(alice, spared, "RUNNING");
        String pinnedName = "board-demo-" + Long.toString(System.nanoTime(), 36);
        String pinned = startService(alice, pinnedName, 0);
        String request = alice.post("/api/v1/tasks/" + pinned + "/pin-requests", "{\"reason\": \"demo for the board\"}")
                .json().get("id").asText();

        Page page = browser.newPage();
        logIn(page, "admin", "admin");
        openTask(page, "Review pin request");
        assertThat(field(page, "Task").inputValue()).isEqualTo(pinnedName);
        assertThat(field(page, "Reason").inputValue()).isEqualTo("demo for the board");
        decide(page, "Approve: pin the task");

        JsonNode decided = Await.until("the pin request to be decided", () -> admin.get("/api/v1/pin-requests/" + request).json(),
                r -> !r.get("state").asText().equals("PENDING"));
        assertThat(decided.get("state").asText()).isEqualTo("PINNED");
        assertThat(decided.get("decidedBy").asText()).isEqualTo("admin");
        assertThat(alice.get("/api/v1/tasks/" + pinned).json().get("pinned").asBoolean()).isTrue();

        String forceStart = admin.post("/api/v1/tasks/" + pinned + "/force-start", null).json().get("id").asText();
        page.reload();
        openTask(page, "Confirm force start");
        assertThat(field(page, "Pinned task").inputValue()).isEqualTo(pinnedName);
        assertThat(field(page, "Runs to kill (task, owner, project, GPUs, running since)").inputValue()).contains(victim);
        decide(page, "Confirm: kill these runs");

        JsonNode done = Await.until("the force-start to end", () -> admin.get("/api/v1/force-starts/" + forceStart).json(),
                f -> f.get("state").asText().equals("STARTED"));
        assertThat(done.get("decidedBy").asText()).isEqualTo("admin");
        assertThat(awaitState(alice, victim, "KILLED").get("state").asText()).isEqualTo("KILLED");
        awaitState(alice, pinned, "RUNNING");
        assertThat(alice.get("/api/v1/tasks/" + spared).json().get("state").asText()).isEqualTo("RUNNING");
        page.close();
    }

    /*
     * In headless Chromium the webapps' AngularJS 1.x views did not react to Playwright's synthesized mouse
     * clicks (the click landed, no handler ran), so the test dispatches click events to the elements a person
     * clicks: the same handlers run, through the same Tasklist code.
     */

    /** Signs in once, through the console's sign-in page, which signs the person in to Tasklist too. */
    private void logIn(Page page, String user, String password) {
        ConsolePages.signIn(page, "http://localhost:" + port, user, password);
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/");
        page.getByText("Tasklane approvals").first().waitFor();
    }

    private static void openTask(Page page, String name) {
        page.getByText("Tasklane approvals").first().dispatchEvent("click");
        Locator task = page.locator("a", new Page.LocatorOptions().setHasText(name)).first();
        task.waitFor();
        task.dispatchEvent("click");
        page.getByText("Claim", new Page.GetByTextOptions().setExact(true)).first().waitFor();
        page.getByText("Claim", new Page.GetByTextOptions().setExact(true)).first().dispatchEvent("click");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).waitFor();
    }

    private static Locator field(Page page, String label) {
        Locator field = page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
        field.waitFor();
        Await.until("field '" + label + "' to be filled", field::inputValue, value -> !value.isEmpty());
        return field;
    }

    private static void decide(Page page, String choice) {
        page.getByLabel(choice).dispatchEvent("click");
        Await.until("'" + choice + "' to be chosen", () -> page.getByLabel(choice).isChecked(), Boolean::booleanValue);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete"))
                .dispatchEvent("click");
    }

    private String startService(Api as, String name, int priority) {
        String task = as.post("/api/v1/tasks", aTask().named(name).cluster("levers").with("kind", "SERVICE").skuPerReplica(4)
                .with("priority", priority).json()).json().get("id").asText();
        assertThat(as.post("/api/v1/tasks/" + task + "/start", null).status()).isEqualTo(201);
        started.add(task);
        return task;
    }

    private static JsonNode awaitState(Api as, String task, String state) {
        return Await.until("task " + task + " to be " + state, () -> as.get("/api/v1/tasks/" + task).json(),
                t -> t.get("state").asText().equals(state));
    }
}
