package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.tasklane.browser.QueuePages.ClustersPage;
import io.tasklane.browser.QueuePages.QueuePage;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Usage page and the quota bars in headless Chromium. Real runs on cluster {@code usage} (simulated jobs of 300 ms,
 * used by no other test) by alice in one project and by the admin in that and another: the admin sees both projects
 * charted and tabled as the usage API sums them, switches to stacking by user, and downloads the table's rows as CSV;
 * alice sees only her own. On cluster levers a project's quota shows as a bar on the Clusters and Queue pages.
 */
@IntegrationTest
class UsagePageTest {

    static final String CLUSTER = "usage";
    static final String ZONE = "Asia/Taipei";

    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @LocalServerPort
    int port;

    @Test
    void eachSeesTheirUseChartedPerDayStackedByProjectOrUserWithTheTablesRowsAsCsv() throws Exception {
        String suffix = Chromium.suffix();
        String vision = "charts-" + suffix;
        String audio = "sounds-" + suffix;
        for (String project : List.of(vision, audio)) {
            assertThat(admin().post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        }
        assertThat(admin().put("/api/v1/projects/" + vision + "/members/alice", "").status()).isEqualTo(204);
        runToTheEnd(alice(), vision, 2);
        runToTheEnd(admin(), vision, 1);
        runToTheEnd(admin(), audio, 1);
        Map<String, Double> byProject = hoursBy(admin(), "project");
        assertThat(byProject.keySet()).containsExactly(vision, audio);

        Page page = newPage(ColorScheme.LIGHT, 1280);
        ConsolePages.signIn(page, base(), "admin", "admin");
        UsagePages usage = UsagePages.open(page, base(), "");
        assertThat(usage.field("timeZone")).hasValue(ZONE); // the browser's zone, told by console.js
        usage.chooseCluster(CLUSTER);

        assertThat(usage.series().keySet()).containsExactly(vision, audio);
        usage.series().forEach((project, hours) -> assertThat(hours).as(project).isCloseTo(byProject.get(project), within(2e-6)));
        assertThat(usage.chartTexts()).contains(vision, audio);
        assertThat(sumsOfTable(usage)).containsOnlyKeys(vision, audio)
                .allSatisfy((project, hours) -> assertThat(hours).isCloseTo(byProject.get(project), within(2e-6)));
        JsonNode total = admin().get("/api/v1/usage?cluster=" + CLUSTER + "&timeZone=" + ZONE).json().get("total");
        assertThat(Double.parseDouble(usage.total().get(0))).isCloseTo(total.get("gpuHours").asDouble(), within(1e-6));
        assertThat(usage.total().get(2)).isEqualTo("3");
        ConsolePages.screenshot(page, "usage");

        usage.stackBy("user");
        Map<String, Double> byUser = hoursBy(admin(), "user");
        assertThat(usage.series().keySet()).containsExactly("admin", "alice");
        usage.series().forEach((user, hours) -> assertThat(hours).as(user).isCloseTo(byUser.get(user), within(2e-6)));
        assertThat(page.locator("table.usage-rows thead th").nth(1)).hasText("User");
        String csv = usage.downloadCsv();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("day,user,gpuHours,skuHours,gpuSeconds,runs");
        assertThat(Arrays.stream(lines).skip(1).map(line -> line.split(","))
                .map(cells -> List.of(cells[0], cells[1], cells[2], cells[3], cells[5])).toList())
                .as("the CSV's rows are the table's").isEqualTo(usage.rows());

        usage.show("2026-12-01", "2026-12-31", "Mars/Olympus");
        assertThat(usage.fieldError("timeZone")).hasText("\u201cMars/Olympus\u201d is not a time zone; name one such as Asia/Taipei or UTC");
        assertThat(usage.field("timeZone")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#usage-chart, table.usage-rows")).hasCount(0);
        usage.show("2026-12-10", "2026-12-01", ZONE);
        assertThat(usage.fieldError("to")).hasText("The period must end on or after the day it starts");
        assertThat(usage.field("to")).hasAttribute("aria-describedby", "to-error");
        assertThat(usage.field("from")).hasValue("2026-12-10"); // what was typed stays
        ConsolePages.screenshot(page, "usage-error");
        page.context().close();

        Page hers = newPage(ColorScheme.DARK, 1280);
        ConsolePages.signIn(hers, base(), "alice", "alice");
        UsagePages herUsage = UsagePages.open(hers, base(), "?cluster=" + CLUSTER);
        Map<String, Double> alicesOwn = hoursBy(alice(), "project");
        assertThat(alicesOwn.keySet()).containsExactly(vision);
        assertThat(herUsage.series().keySet()).as("only the project she used, with only her own use").containsExactly(vision);
        assertThat(herUsage.series().get(vision)).isCloseTo(alicesOwn.get(vision), within(2e-6)).isLessThan(byProject.get(vision));
        assertThat(herUsage.total().get(2)).isEqualTo("1");
        ConsolePages.screenshot(hers, "usage-dark");
        herUsage.stackBy("user");
        assertThat(herUsage.series().keySet()).containsExactly("alice");
        hers.setViewportSize(390, 844);
        ConsolePages.screenshot(hers, "usage-phone-dark");
        hers.context().close();
    }

    @Test
    void aProjectsQuotaShowsAsABarOfTheSkusItHoldsOnTheClustersAndQueuePages() {
        String project = "quota-bar-" + Chromium.suffix();
        assertThat(admin().post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        String quota = "/api/v1/projects/" + project + "/quotas/" + QueuePagesTest.LEVERS;
        assertThat(admin().put(quota, "{\"maxSkus\": 4}").status()).isEqualTo(200);
        String task = admin().post("/api/v1/tasks", aTask().project(project).cluster(QueuePagesTest.LEVERS).with("kind", "SERVICE")
                .skuPerReplica(3).json()).json().get("id").asText();
        try {
            assertThat(admin().post("/api/v1/tasks/" + task + "/start", null).status()).isEqualTo(201);
            Await.until("the service to run", () -> admin().get("/api/v1/tasks/" + task).json(), t -> t.get("state").asText().equals("RUNNING"));

            Page page = newPage(ColorScheme.LIGHT, 1280);
            ConsolePages.signIn(page, base(), "alice", "alice");
            ClustersPage clusters = ClustersPage.open(page, base());
            var bar = clusters.cluster(QueuePagesTest.LEVERS).locator("li[data-quota='" + project + "']");
            assertThat(bar.locator(".quota-figure")).hasText("3 of 4 SKUs");
            assertThat(bar.locator(".quota-bar span")).hasAttribute("style", "width: 75%");
            bar.locator("xpath=ancestor::section[1]").screenshot(new Locator.ScreenshotOptions()
                    .setPath(ConsolePages.SCREENSHOTS.resolve("clusters-quota.png")));

            assertThat(admin().put(quota, "{\"maxSkus\": 2}").status()).as("lowered below what it holds").isEqualTo(200);
            QueuePage queue = QueuePage.open(page, base(), QueuePagesTest.LEVERS);
            var queued = queue.section().locator("li[data-quota='" + project + "']");
            assertThat(queued.locator(".quota-figure")).hasText("3 of 2 SKUs");
            assertThat(queued).hasClass("over");
            assertThat(queued.locator("small")).hasText("over its quota: it starts nothing new until it holds less");
            assertThat(queue.section().locator("li[data-quota]")).hasCount(1);
            queue.section().screenshot(new Locator.ScreenshotOptions().setPath(ConsolePages.SCREENSHOTS.resolve("queue-quota-over.png")));
            page.context().close();
        } finally {
            admin().post("/api/v1/tasks/" + task + "/stop", null);
            admin().delete(quota);
            Await.until("cluster levers to be empty", () -> admin().get("/api/v1/clusters/levers").json(), c -> c.get("freeSkus").asInt() == 8);
        }
    }

    /** GPU-hours per project or user on the cluster this month in Taipei, as the usage API sums them for {@code who}. */
    private Map<String, Double> hoursBy(Api who, String grouping) {
        Map<String, Double> hours = new TreeMap<>();
        who.get("/api/v1/usage?cluster=" + CLUSTER + "&timeZone=" + ZONE + "&groupBy=" + grouping).json().get("rows")
                .forEach(row -> hours.put(row.get(grouping).asText(), row.get("gpuHours").asDouble()));
        return hours;
    }

    private static Map<String, Double> sumsOfTable(UsagePages usage) {
        Map<String, Double> sums = new TreeMap<>();
        usage.rows().forEach(cells -> sums.merge(cells.get(1), Double.parseDouble(cells.get(2)), Double::sum));
        return sums;
    }

    /** A job of {@code replicas} one-SKU replicas in the project on cluster usage, run to its end by {@code who}. */
    private void runToTheEnd(Api who, String project, int replicas) {
        Api.Response created = who.post("/api/v1/tasks", aTask().project(project).cluster(CLUSTER).replicas(replicas).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String task = created.json().get("id").asText();
        String run = who.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        Await.until("run " + run + " to succeed", () -> who.get("/api/v1/runs/" + run).json(), r -> r.get("state").asText().equals("SUCCEEDED"));
        Await.until("cluster usage to be free", () -> who.get("/api/v1/clusters/" + CLUSTER).json(), c -> c.get("freeSkus").asInt() == 4);
    }

    private Page newPage(ColorScheme scheme, int width) {
        return chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setTimezoneId(ZONE)
                .setColorScheme(scheme).setViewportSize(width, 900)).newPage();
    }

    private Api admin() {
        return Api.anonymous(port).as("admin");
    }

    private Api alice() {
        return Api.anonymous(port).as("alice");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
