package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.tasklane.browser.ConsolePages.TasksPage;
import io.tasklane.browser.QueuePages.ClustersPage;
import io.tasklane.browser.QueuePages.QueuePage;
import io.tasklane.browser.QueuePages.WhyPanel;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Queue and Clusters pages and the "Why is it waiting" panel, in headless Chromium, on cluster levers (two nodes
 * of 4 SKUs of 2 GPUs, simulated services that run until stopped or killed): alice reads why her task waits, sees no
 * admin actions and a forged one is refused; an admin pins after a preview, force-starts, confirms the plan in the
 * page and sees the victim KILLED with its reason; an admin manages a cluster's grants.
 */
@IntegrationTest
class QueuePagesTest {

    static final String LEVERS = "levers";
    static final LocatorAssertions.HasTextOptions A_WHILE = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    /** One browser for the class's tests, closed after the last. */
    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @LocalServerPort
    int port;
    final List<String> started = new ArrayList<>();

    @BeforeEach
    @AfterEach
    void leversEmpty() {
        started.forEach(task -> alice().post("/api/v1/tasks/" + task + "/stop", null));
        started.clear();
        Await.until("cluster levers to be empty", () -> alice().get("/api/v1/clusters/levers").json(),
                c -> c.get("freeSkus").asInt() == 8);
    }

    @Test
    void aTaskQueuedBehindAFullClusterShowsItsPlaceAndWhyAndAliceMayNotActAsAnAdmin() {
        // Two 3-SKU services leave one SKU free on each node: 2 SKUs free in all, but not on one node.
        String fillerA = startService("filler-a", 3, 0);
        String fillerB = startService("filler-b", 3, 0);
        awaitState(fillerA, "RUNNING");
        awaitState(fillerB, "RUNNING");
        String name = "why-" + Long.toString(System.nanoTime(), 36);
        String waiting = startService(name, 2, 0);
        assertThat(alice().get("/api/v1/tasks/" + waiting).json().get("state").asText()).isEqualTo("QUEUED");

        Page page = chromium.newDesktopPage();
        ConsolePages.signIn(page, base(), "alice", "alice");
        TasksPage tasks = TasksPage.open(page, base(), name);
        assertThat(tasks.row(waiting).locator("a.position")).hasText("#1 in queue");
        tasks.row(waiting).locator("a.position").click();
        WhyPanel why = new WhyPanel(page);
        assertThat(why.position()).hasText("1 of 1");
        assertThat(why.reasons().first())
                .hasText("needs 4 GPUs on one node for each of its 1 replica(s); the largest free block is 2");
        assertThat(why.sooner().first()).hasText("the same GPUs as 2 replicas of 1 SKU(s) (2 GPUs each): that fits now");
        // The fillers hold their GPUs until their active deadline (the default, 5 days); the first to end frees a node.
        assertThat(page.locator("#why .why-expected")).hasText(java.util.regex.Pattern.compile(
                "around \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(in (5 d 0|4 d 23) h\\), from the active deadlines of 1 run\\(s\\) that end first"));
        ConsolePages.screenshot(page, "task-why-waiting");

        QueuePage queue = QueuePage.open(page, base(), LEVERS);
        assertThat(queue.waitingRow(waiting).locator("td").first()).hasText("1");
        assertThat(queue.waitingRow(waiting)).containsText("alice");
        assertThat(queue.runningRow(fillerA)).containsText("6"); // GPUs: 3 SKUs of 2
        assertThat(queue.waitingRow(waiting).locator("[data-why]")).isVisible();
        assertThat(queue.waitingRow(waiting).locator("td.expected")).containsText("from the active deadlines of 1 run(s) that end first");
        assertThat(queue.adminActions()).hasCount(0);
        ConsolePages.screenshot(page, "queue");

        // Requests made by hand with alice's session and a valid CSRF token: refused by the services' own checks.
        assertThat(forged(page, "/queue/force-starts/fs-anything/confirm", null).status()).isEqualTo(403);
        APIResponse grant = forged(page, "/clusters/levers/grants", FormData.create().set("type", "USER").set("principal", "alice"));
        assertThat(grant.status()).isEqualTo(403);
        assertThat(grant.text()).contains("may manage clusters");
        assertThat(page.request().get(base() + "/queue/impact/" + waiting).status()).isEqualTo(403);
        assertThat(page.request().get(base() + "/queue/force-starts/fs-anything").status()).isEqualTo(403);

        ClustersPage clusters = ClustersPage.open(page, base());
        assertThat(clusters.cluster(LEVERS)).containsText("simulated L4");
        assertThat(clusters.cluster(LEVERS).locator("tr[data-node] td:nth-child(3)")).hasText(new String[] {"3", "3"});
        assertThat(page.locator("[data-action=grant], [data-action=revoke]")).hasCount(0);
        ConsolePages.screenshot(page, "clusters");
        page.context().close();
    }

    @Test
    void anAdminPinsAfterAPreviewForceStartsConfirmsThePlanAndSeesTheVictimKilled() {
        String victim = startService("batch-eval-" + Chromium.suffix(), 4, 0);
        String spared = startService("prod-endpoint-" + Chromium.suffix(), 4, 5);
        awaitState(victim, "RUNNING");
        awaitState(spared, "RUNNING");
        String early = startService("early-" + Chromium.suffix(), 4, 0);
        String pinnedName = "board-demo-" + Chromium.suffix();
        String pinned = startService(pinnedName, 4, 0);

        Page page = chromium.newDesktopPage();
        ConsolePages.signIn(page, base(), "admin", "admin");
        QueuePage queue = QueuePage.open(page, base(), LEVERS);
        queue.act(pinned, "pin");
        assertThat(queue.impact()).containsText("It moves from place 2 to the head of the queue.");
        assertThat(queue.impact().locator("li[data-task='" + early + "']")).containsText("alice");
        assertThat(queue.impact().locator("tr[data-victim='" + victim + "']")).containsText("alice");
        assertThat(queue.impact().locator("tr[data-victim='" + spared + "']")).hasCount(0);
        ConsolePages.screenshot(page, "queue-pin-preview");

        queue.impact().locator("[data-action=confirm-pin]").click();
        assertThat(page.locator("#notice")).containsText("Pinned " + pinnedName);
        assertThat(queue.waitingRow(pinned).locator("td").first()).hasText("1");
        queue.act(pinned, "force-start");
        assertThat(queue.forceStart()).containsText("awaiting confirmation", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(queue.forceStart().locator("tr[data-victim='" + victim + "']")).containsText("alice");
        ConsolePages.screenshot(page, "queue-force-start");

        queue.forceStart().locator("[data-action=confirm-force-start]").click();
        assertThat(page.locator("#notice")).containsText("Force-start confirmed");
        page.navigate(base() + "/tasks/" + victim);
        assertThat(page.locator("#task-live .task-head .state")).hasText("Killed", A_WHILE);
        assertThat(page.locator("#task-live .task-head .reason")).containsText("killed to force-start " + pinnedName + " by admin");
        ConsolePages.screenshot(page, "task-killed-by-force-start");
        assertThat(awaitState(pinned, "RUNNING").get("pinned").asBoolean()).isFalse();
        assertThat(alice().get("/api/v1/tasks/" + spared).json().get("state").asText()).isEqualTo("RUNNING");
        page.context().close();
    }

    @Test
    void anAdminsPinOnTheTasksPageShowsTheQueuePagesPreviewBeforeItPins() {
        String victim = startService("tasks-victim-" + Chromium.suffix(), 4, 0);
        String other = startService("tasks-other-" + Chromium.suffix(), 4, 0);
        awaitState(victim, "RUNNING");
        awaitState(other, "RUNNING");
        String name = "tasks-pin-" + Chromium.suffix();
        String waiting = startService(name, 4, 0);

        Page page = chromium.newDesktopPage();
        ConsolePages.signIn(page, base(), "admin", "admin");
        TasksPage tasks = TasksPage.open(page, base(), name);
        tasks.act(waiting, "pin");
        Locator impact = page.locator("#impact .impact");
        assertThat(impact).containsText("It moves from place 1 to the head of the queue.");
        assertThat(impact.locator("tr[data-victim]")).hasCount(1);
        assertThat(impact.locator("tr[data-victim]")).containsText("alice");
        assertThat(impact.locator("h2")).isFocused(); // the keyboard is taken to the preview, not to its "Pin it"
        assertThat(alice().get("/api/v1/tasks/" + waiting).json().get("pinned").asBoolean()).as("no pin before it is confirmed").isFalse();
        ConsolePages.screenshot(page, "tasks-pin-preview");

        impact.locator("[data-action=confirm-pin]").click();
        assertThat(page.locator("#notice")).containsText("Pinned " + name);
        assertThat(impact).hasCount(0);
        assertThat(tasks.row(waiting).locator(".badge")).hasText("pinned");
        assertThat(alice().get("/api/v1/tasks/" + waiting).json().get("pinned").asBoolean()).isTrue();
        page.context().close();
    }

    @Test
    void anAdminForceStartsFromTheTasksPageDecidesThePlanThereAndTheButtonsFollowTheQueuePagesRule() {
        String victim = startService("tasks-fs-victim-" + Chromium.suffix(), 4, 0);
        String spared = startService("tasks-fs-spared-" + Chromium.suffix(), 4, 5);
        awaitState(victim, "RUNNING");
        awaitState(spared, "RUNNING");
        String prefix = "tasks-fs-" + Chromium.suffix();
        String first = startService(prefix + "-a", 4, 0);
        String second = startService(prefix + "-b", 4, 0);

        Page page = chromium.newDesktopPage();
        ConsolePages.signIn(page, base(), "admin", "admin");
        TasksPage tasks = TasksPage.open(page, base(), prefix);
        assertThat(tasks.row(second).locator("[data-action=pin]")).isVisible();
        tasks.act(first, "pin");
        page.locator("#impact [data-action=confirm-pin]").click();
        assertThat(tasks.row(first).locator(".badge")).hasText("pinned");
        // As on the Queue page: one pin per queue, so the other waiting task offers none while the first is pinned.
        assertThat(tasks.row(second).locator("[data-action=pin]")).hasCount(0);
        assertThat(QueuePage.open(page, base(), LEVERS).waitingRow(second).locator("[data-action=pin]")).hasCount(0);

        tasks = TasksPage.open(page, base(), prefix);
        tasks.act(first, "force-start");
        Locator plan = page.locator("#impact .force-start");
        assertThat(plan).containsText("awaiting confirmation", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(plan.locator("tr[data-victim='" + victim + "']")).containsText("alice");
        assertThat(plan.locator("tr[data-victim='" + spared + "']")).hasCount(0);
        assertThat(page.locator("#impact .notice")).containsText("read its plan below");
        // While the force-start is under way no second one is offered, here as on the Queue page.
        assertThat(tasks.row(first).locator("[data-action=force-start]")).hasCount(0);
        ConsolePages.screenshot(page, "tasks-force-start-plan");

        plan.locator("[data-action=confirm-force-start]").click();
        assertThat(page.locator("#notice")).containsText("Force-start confirmed");
        assertThat(awaitState(victim, "KILLED").get("state").asText()).isEqualTo("KILLED");
        assertThat(awaitState(first, "RUNNING").get("pinned").asBoolean()).isFalse();
        assertThat(tasks.state(first)).hasText("Running", A_WHILE);
        assertThat(plan).containsText("started", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(plan.locator("[data-action=confirm-force-start]")).hasCount(0);
        assertThat(alice().get("/api/v1/tasks/" + spared).json().get("state").asText()).isEqualTo("RUNNING");
        page.context().close();
    }

    @Test
    void anAdminGrantsAClusterAndRemovesTheGrantUnderTheApisRules() {
        Page page = chromium.newDesktopPage();
        ConsolePages.signIn(page, base(), "admin", "admin");
        ClustersPage clusters = ClustersPage.open(page, base());
        assertThat(clusters.grant("a100", "GROUP:ml-team")).isVisible();

        clusters.grant("a100", "USER", "nobody-" + Chromium.suffix());
        assertThat(page.locator("#notice .notice.error")).containsText("does not exist in the identity service");

        clusters.grant("a100", "USER", "admin");
        assertThat(clusters.grant("a100", "USER:admin")).isVisible();
        ConsolePages.screenshot(page, "clusters-admin");
        clusters.grant("a100", "USER:admin").locator("[data-action=revoke]").click();
        assertThat(clusters.grant("a100", "USER:admin")).hasCount(0);
        assertThat(Api.anonymous(port).as("admin").get("/api/v1/clusters/a100/grants").json().toString()).doesNotContain("\"admin\"");
        page.context().close();
    }

    private APIResponse forged(Page page, String path, FormData form) {
        String token = page.locator("meta[name=csrf-token]").getAttribute("content");
        String header = page.locator("meta[name=csrf-header]").getAttribute("content");
        RequestOptions options = RequestOptions.create().setHeader(header, token).setHeader("HX-Request", "true");
        return page.request().post(base() + path, form == null ? options : options.setForm(form));
    }

    private String startService(String name, int skuPerReplica, int priority) {
        String task = alice().post("/api/v1/tasks", aTask().named(name).cluster(LEVERS).with("kind", "SERVICE")
                .skuPerReplica(skuPerReplica).with("priority", priority).json()).json().get("id").asText();
        assertThat(alice().post("/api/v1/tasks/" + task + "/start", null).status()).isEqualTo(201);
        started.add(task);
        return task;
    }

    private JsonNode awaitState(String task, String state) {
        return Await.until("task " + task + " to be " + state, () -> alice().get("/api/v1/tasks/" + task).json(),
                t -> t.get("state").asText().equals(state));
    }

    private Api alice() {
        return Api.anonymous(port).as("alice");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
