package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.ColorScheme;
import io.tasklane.browser.ConsolePages.TaskPage;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Task page in headless Chromium: a job's log followed live past its last lines (lines appended as they are
 * written, never a fixed tail redrawn), the choice of how many last lines to show and the whole log downloaded; the runs'
 * durations and GPU-hours; a task of roles with its layout and its replicas by role and rank.
 */
@IntegrationTest
class TaskPageTest {

    static final LocatorAssertions.HasTextOptions A_WHILE = new LocatorAssertions.HasTextOptions().setTimeout(60_000);
    static final Pattern CLOCK = Pattern.compile("\\d+:\\d{2}:\\d{2}");

    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @LocalServerPort
    int port;

    @Test
    void aliceFollowsAJobsLogPastItsLastLinesChoosesHowManyToShowAndDownloadsItWhole() throws IOException {
        // The job writes five coloured lines, waits for the test's go, then writes 395 more: more than the 200 a tail
        // shows, so only a log that grows on the page holds all 400.
        Path go = Files.createTempDirectory("tasklane-go").resolve("go");
        String script = "for i in $(seq 1 5); do printf '\\033[32mline-%03d\\033[0m\\n' $i; done; "
                + "while [ ! -f " + go + " ]; do sleep 0.1; done; for i in $(seq 6 400); do printf 'line-%03d\\n' $i; done";
        String name = "follow-" + Long.toString(System.nanoTime(), 36);
        String task = alice().post("/api/v1/tasks", aTask().named(name).with("command", List.of("sh", "-c", script)).json())
                .json().get("id").asText();
        Page page = newPage(1280, 800, ColorScheme.LIGHT);
        ConsolePages.signIn(page, base(), "alice", "alice");
        TaskPage taskPage = TaskPage.open(page, base(), task);
        AtomicInteger pageLoads = new AtomicInteger();
        page.onLoad(loaded -> pageLoads.incrementAndGet());

        taskPage.act("start");
        assertThat(taskPage.log(0)).containsText("line-005", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(taskPage.log(0).textContent()).doesNotContain("\u001b").doesNotContain("[32m");
        assertThat(page.locator(".following")).isVisible();
        Files.createFile(go);

        assertThat(taskPage.state()).hasText("Succeeded", A_WHILE);
        assertThat(taskPage.log(0)).containsText("line-400", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        List<String> shown = taskPage.log(0).textContent().lines().toList();
        assertThat(shown).as("every line once, in order, though the page showed only the last 200 at first").hasSize(400);
        assertThat(shown.get(0)).isEqualTo("line-001");
        assertThat(shown.get(399)).isEqualTo("line-400");
        assertThat(page.locator("#timeline li").first()).containsText("Running → Succeeded"); // the history keeps up too
        assertThat(pageLoads).as("the page was never reloaded").hasValue(0);

        String run = alice().get("/api/v1/tasks/" + task).json().get("currentRunId").asText();
        assertThat(taskPage.run(run)).containsText("alice");
        assertThat(taskPage.figure(run, "waited")).hasText(CLOCK);
        assertThat(taskPage.figure(run, "ran")).hasText(CLOCK);
        assertThat(taskPage.figure(run, "gpuHours")).hasText(Pattern.compile("\\d+\\.\\d{2}"));
        ConsolePages.screenshot(page, "task-log-followed");

        taskPage.showLastLines(50);
        assertThat(taskPage.log(0)).not().containsText("line-350");
        List<String> last50 = taskPage.log(0).textContent().lines().toList();
        assertThat(last50).hasSize(50);
        assertThat(last50.get(0)).isEqualTo("line-351");

        Download download = page.waitForDownload(() -> page.locator(".log a[download]").first().click());
        String whole = Files.readString(download.path());
        assertThat(whole).contains("\u001b[32mline-001", "line-400").as("the raw file, escapes included");
        page.context().close();
    }

    @Test
    void aTaskOfRolesShowsItsLayoutAndItsReplicasByRoleWithTheirRanks() {
        String name = "roles-" + Long.toString(System.nanoTime(), 36);
        String task = alice().post("/api/v1/tasks", aTask().named(name).with("framework", "PYTORCH_DDP")
                .with("command", List.of("sh", "-c", "echo $TASKLANE_ROLE $TASKLANE_ROLE_INDEX is rank $RANK"))
                .with("roles", List.of(Map.of("name", "worker", "replicas", 2), Map.of("name", "master"))).json())
                .json().get("id").asText();
        assertThat(alice().post("/api/v1/tasks/" + task + "/start", null).status()).isEqualTo(201);

        Page page = newPage(1280, 800, ColorScheme.DARK);
        ConsolePages.signIn(page, base(), "alice", "alice");
        TaskPage taskPage = TaskPage.open(page, base(), task);
        assertThat(taskPage.state()).hasText("Succeeded", A_WHILE);
        assertThat(taskPage.role("master").locator("td")).hasText(new String[] {"1", "1", "0",
                "sh -c 'echo $TASKLANE_ROLE $TASKLANE_ROLE_INDEX is rank $RANK'"});
        assertThat(taskPage.role("worker").locator("td").nth(2)).hasText("1–2");
        assertThat(page.locator("table.roles tbody tr")).hasCount(2);
        assertThat(page.locator("table.roles tbody tr").first()).hasAttribute("data-role", "master");

        assertThat(taskPage.replicasOf("master")).hasCount(1);
        assertThat(taskPage.replicasOf("worker")).hasCount(2);
        assertThat(taskPage.replicasOf("worker").locator("td:first-child")).hasText(new String[] {"rank 1", "rank 2"});
        assertThat(taskPage.replicasOf("worker").locator("td:nth-child(2)")).hasText(new String[] {"worker #0", "worker #1"});
        assertThat(page.locator("table.instances tbody[data-role=worker] th")).hasText("worker · 2 replica(s)");
        assertThat(taskPage.log(2)).containsText("worker 1 is rank 2");
        // The wizard cannot keep roles: no Copy or Edit that it would refuse, a hint to the API instead.
        assertThat(page.locator("#task-live [data-action=copy], #task-live [data-action=edit]")).hasCount(0);
        assertThat(page.locator("#task-live .roles-hint")).hasText("Copy and edit a task with roles through the API");
        ConsolePages.screenshot(page, "task-roles-dark");
        page.setViewportSize(390, 844);
        ConsolePages.screenshot(page, "task-phone-dark");
        page.context().close();
    }

    @Test
    void aServiceWithADailyScheduleShowsItInWordsWithItsNextFireInItsZoneAndInUtcAndItsReplicasGpuType() {
        String name = "scheduled-" + Long.toString(System.nanoTime(), 36);
        String task = alice().post("/api/v1/tasks", aTask().named(name).cluster("sim").with("kind", "SERVICE").json())
                .json().get("id").asText();
        // Inactive, so the schedule never starts or resizes it while the test runs; its next fire is shown all the same.
        assertThat(alice().put("/api/v1/tasks/" + task + "/schedule", """
                {"type": "DAILY", "timeZone": "Asia/Shanghai", "active": false, "windows": [
                  {"time": "20:00", "minReplicas": 1, "maxReplicas": 1}, {"time": "08:30", "minReplicas": 1, "maxReplicas": 2}]}""")
                .status()).isEqualTo(200);
        assertThat(alice().post("/api/v1/tasks/" + task + "/start", null).status()).isEqualTo(201);
        try {
            Page page = newPage(1280, 800, ColorScheme.LIGHT);
            ConsolePages.signIn(page, base(), "alice", "alice");
            TaskPage taskPage = TaskPage.open(page, base(), task);
            assertThat(taskPage.state()).hasText("Running", A_WHILE);
            Locator schedule = page.locator("#schedule");
            assertThat(schedule.locator(".schedule-type")).hasText("Daily");
            assertThat(schedule.locator(".schedule-zone")).hasText("Asia/Shanghai");
            assertThat(schedule.locator(".schedule-next-zone")).hasText(Pattern.compile("\\d{4}-\\d\\d-\\d\\d (08:30|20:00) Asia/Shanghai"));
            assertThat(schedule.locator(".schedule-next-utc")).hasText(Pattern.compile("\\(\\d{4}-\\d\\d-\\d\\d (00:30|12:00) UTC\\)"));
            assertThat(schedule).containsText("inactive");
            assertThat(schedule.locator("table.windows tbody tr")).hasCount(2);
            assertThat(schedule.locator("table.windows tbody tr").first().locator("td")).hasText(new String[] {"08:30", "1", "2"});
            assertThat(page.locator("table.instances td.gpu-type")).hasText(new String[] {"simulated A10"});
            assertThat(page.locator("table.instances th").nth(2)).hasText("GPU type");
            ConsolePages.screenshot(page, "task-schedule");

            page.navigate(base() + "/tasks/" + task + "?lang=zh-TW");
            assertThat(schedule.locator(".schedule-type")).hasText("每日");
            assertThat(page.locator("#schedule-heading")).hasText("調度");
            ConsolePages.screenshot(page, "task-schedule-zh-TW");
            page.context().close();
        } finally {
            alice().post("/api/v1/tasks/" + task + "/stop", null);
        }
    }

    private Page newPage(int width, int height, ColorScheme scheme) {
        return chromium.browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(width, height)
                .setColorScheme(scheme)).newPage();
    }

    private Api alice() {
        return Api.anonymous(port).as("alice");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
