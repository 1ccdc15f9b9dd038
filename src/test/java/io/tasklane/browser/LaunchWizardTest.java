package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.ColorScheme;
import io.tasklane.browser.ConsolePages.TasksPage;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * alice and the Launch wizard, in Debian's headless Chromium: she launches a job and watches it succeed, launches a
 * service with a daily schedule in Asia/Shanghai and sees its next fire, meets a rule at its field with her input
 * kept, copies a task and edits one. Each step is saved to docs/screenshots.
 */
@IntegrationTest
class LaunchWizardTest {

    /** One browser for the class's tests, closed after the last. */
    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @LocalServerPort
    int port;

    @Test
    void aliceLaunchesAJobWatchesItSucceedAndReadsAndDownloadsItsLog() throws IOException {
        String name = "wizard-hello-" + Chromium.suffix();
        Page page = signedIn(1280, 800, ColorScheme.LIGHT);
        page.locator("a.button[data-go=launch]").click();
        LaunchWizard wizard = LaunchWizard.at(page, "resource");

        wizard.choose("cluster-local").fill("skuPerReplica", "1").fill("replicas", "3");
        assertThat(wizard.gpus()).hasText("3 GPUs"); // computed as she types, the page not reloaded
        wizard.fill("replicas", "1");
        assertThat(wizard.gpus()).hasText("1 GPU");
        assertThat(page.locator("label.choice:has(#cluster-local)")).containsText("SKUs free");
        ConsolePages.screenshot(page, "launch-1-resource");

        wizard = wizard.nextTo("settings");
        // Other tests may have made alice a member of more projects: she picks hers.
        wizard.field("project").selectOption("demo");
        wizard.fill("command", "sh -c 'echo hello; sleep 1'").fill("image", "python:3.12").fill("tags", "wizard, demo")
                .fill("env", "SHM_SIZE=1G").fill("name", name);
        ConsolePages.screenshot(page, "launch-2-settings");
        wizard.field("name").press("Enter"); // the keyboard moves on as Next does
        wizard = LaunchWizard.at(page, "schedule");
        assertThat(wizard.field("scheduleType-MANUAL")).isChecked();
        ConsolePages.screenshot(page, "launch-3-schedule");

        wizard = wizard.nextTo("summary");
        assertThat(wizard.summary("name")).hasText(name);
        assertThat(wizard.summary("entry")).hasText("sh -c 'echo hello; sleep 1'");
        assertThat(wizard.summary("size")).containsText("= 1 GPU");
        wizard.field("start").check();
        ConsolePages.screenshot(page, "launch-4-summary");
        wizard.launch();

        assertThat(page.locator(".task-head h1")).hasText(name);
        AtomicInteger pageLoads = new AtomicInteger();
        page.onLoad(loaded -> pageLoads.incrementAndGet());
        assertThat(page.locator(".task-head .state")).hasText("Succeeded", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(pageLoads).as("the Task page was never reloaded").hasValue(0);
        assertThat(page.locator(".log pre").first()).containsText("hello");
        Download download = page.waitForDownload(() -> page.locator(".log a[download]").first().click());
        assertThat(Files.readString(download.path())).contains("hello");
        ConsolePages.screenshot(page, "launch-job-succeeded");

        JsonNode task = alice().get("/api/v1/tasks?name=" + name).json().get("items").get(0);
        assertThat(task.get("command")).hasToString("[\"sh\",\"-c\",\"echo hello; sleep 1\"]");
        assertThat(task.get("env").get("SHM_SIZE").asText()).isEqualTo("1G");
        assertThat(task.get("tags")).hasSize(2);
        assertThat(List.of(task.get("tags").get(0).asText(), task.get("tags").get(1).asText())).containsExactlyInAnyOrder("wizard", "demo");
        page.context().close();
    }

    @Test
    void aliceLaunchesAServiceWithADailyScheduleInShanghaiAndSeesItsNextFire() {
        String name = "wizard-daily-" + Chromium.suffix();
        Page page = signedIn(1280, 800, ColorScheme.LIGHT);
        LaunchWizard wizard = LaunchWizard.open(page, base()).choose("cluster-levers").fill("replicas", "2");
        assertThat(wizard.gpus()).hasText("4 GPUs"); // 1 SKU of 2 GPUs × 2 replicas

        wizard = wizard.nextTo("settings");
        wizard.field("kind").selectOption("SERVICE");
        wizard.fill("name", name).fill("command", "python -m http.server").fill("ports", "8000");
        wizard = wizard.nextTo("schedule").choose("scheduleType-DAILY").fill("timeZone", "Asia/Shanghai")
                .fill("window-0-time", "08:00").fill("window-0-min", "1").fill("window-0-max", "2");
        wizard.field("active").check();

        ZonedDateTime fire = nextEightInShanghai();
        String inZone = fire.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " Asia/Shanghai";
        String inUtc = fire.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC";
        assertThat(wizard.nextFire().locator(".in-zone")).hasText(inZone);
        assertThat(wizard.nextFire().locator(".in-utc")).hasText("(" + inUtc + ")");
        assertThat(inUtc).endsWith("00:00 UTC");
        ConsolePages.screenshot(page, "launch-3-schedule-daily");

        // One window more, typed and kept; then the summary repeats the next fire.
        page.locator("button[value=add-window]").click();
        wizard = LaunchWizard.at(page, "schedule");
        assertThat(wizard.field("window-0-time")).hasValue("08:00");
        assertThat(wizard.field("window-1-time")).hasValue("");
        wizard = wizard.nextTo("summary");
        assertThat(wizard.summary("schedule")).containsText(inZone);
        assertThat(wizard.summary("schedule")).containsText(inUtc);
        wizard.launch();

        String taskId = page.url().replaceAll(".*/tasks/", "");
        JsonNode schedule = alice().get("/api/v1/tasks/" + taskId + "/schedule").json();
        assertThat(schedule.get("type").asText()).isEqualTo("DAILY");
        assertThat(schedule.get("timeZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(schedule.get("active").asBoolean()).isTrue();
        assertThat(alice().get("/api/v1/tasks/" + taskId).json().get("state").asText()).as("not started: it waits for 08:00")
                .isEqualTo("CREATED");
        TasksPage tasks = TasksPage.open(page, base(), name);
        assertThat(tasks.row(taskId)).containsText("Daily");
        assertThat(tasks.row(taskId)).containsText(inZone);
        page.context().close();
    }

    @Test
    void aRuleErrorAppearsAtItsFieldAndTheRestOfHerInputIsKept() {
        Page page = signedIn(1280, 800, ColorScheme.LIGHT);
        LaunchWizard wizard = LaunchWizard.open(page, base()).choose("cluster-sim").fill("skuPerReplica", "2").fill("replicas", "2000");
        wizard.next();

        wizard = LaunchWizard.at(page, "resource");
        assertThat(wizard.errorAt("replicas")).hasText("replicas must be at most 1000");
        assertThat(wizard.field("replicas")).hasAttribute("aria-invalid", "true");
        assertThat(wizard.field("replicas")).hasValue("2000");
        assertThat(wizard.field("skuPerReplica")).hasValue("2");
        assertThat(wizard.field("cluster-sim")).isChecked();
        ConsolePages.screenshot(page, "launch-error-resource");

        wizard = wizard.fill("replicas", "2").nextTo("settings");
        wizard.fill("name", "Not_A_Name").fill("command", "sh -c 'echo kept'").fill("env", "SHM_SIZE=lots")
                .fill("description", "typed once");
        wizard.next();

        wizard = LaunchWizard.at(page, "settings");
        assertThat(wizard.errorAt("name")).containsText("must be at most 63 characters of a-z, 0-9 and '-'");
        assertThat(wizard.errorAt("env")).hasText("SHM_SIZE must be a whole number with a unit K, M or G, such as 512M or 60G");
        assertThat(page.locator(".error-summary")).containsText("SHM_SIZE");
        assertThat(wizard.field("name")).hasValue("Not_A_Name");
        assertThat(wizard.field("command")).hasValue("sh -c 'echo kept'");
        assertThat(wizard.field("description")).hasValue("typed once");
        ConsolePages.screenshot(page, "launch-error-settings");

        // Back on the first step, what she typed there is still there too.
        wizard = wizard.jumpTo("resource");
        assertThat(wizard.field("replicas")).hasValue("2");
        assertThat(wizard.field("cluster-sim")).isChecked();
        page.context().close();
    }

    @Test
    void aliceCopiesATaskAndTheWizardIsFilledWithProjectAndKindFixed() {
        String name = "wizard-source-" + Chromium.suffix();
        String source = alice().post("/api/v1/tasks", aTask().named(name).cluster("sim").with("kind", "SERVICE").replicas(2)
                .with("command", List.of("python", "-c", "print('it is me')")).with("env", java.util.Map.of("SHM_SIZE", "2G")).json())
                .json().get("id").asText();
        Page page = signedIn(1280, 800, ColorScheme.LIGHT);
        TasksPage tasks = TasksPage.open(page, base(), name);
        tasks.row(source).locator("a[data-action=copy]").click();

        LaunchWizard wizard = LaunchWizard.at(page, "resource");
        assertThat(page.locator("h1")).hasText("Copy " + name);
        assertThat(wizard.field("cluster-sim")).isChecked();
        assertThat(wizard.field("replicas")).hasValue("2");
        wizard = wizard.nextTo("settings");
        assertThat(wizard.field("project")).hasValue("demo");
        assertThat(wizard.field("project")).hasAttribute("readonly", "");
        assertThat(wizard.field("kind")).hasValue("Service");
        assertThat(wizard.field("kind")).hasAttribute("readonly", "");
        assertThat(wizard.field("command")).hasValue("python -c \"print('it is me')\"");
        assertThat(wizard.field("env")).hasValue("SHM_SIZE=2G");
        assertThat(wizard.field("name")).hasValue("");
        assertThat(wizard.field("name")).hasAttribute("placeholder", name + "-copy");
        ConsolePages.screenshot(page, "launch-copy");

        wizard.jumpTo("summary").launch();

        assertThat(page.locator(".task-head h1")).hasText(name + "-copy");
        String copy = page.url().replaceAll(".*/tasks/", "");
        JsonNode copied = alice().get("/api/v1/tasks/" + copy).json();
        assertThat(copied.get("kind").asText()).isEqualTo("SERVICE");
        assertThat(copied.get("command")).hasToString("[\"python\",\"-c\",\"print('it is me')\"]");
        assertThat(page.locator(".timeline")).containsText("Copied");
        page.context().close();
    }

    @Test
    void editOfAnInactiveTaskSavesAndOfAnActiveOneIsRefused() {
        String name = "wizard-edit-" + Chromium.suffix();
        String task = alice().post("/api/v1/tasks", aTask().named(name).cluster("sim").json()).json().get("id").asText();
        Page page = signedIn(1280, 800, ColorScheme.LIGHT);
        page.navigate(base() + "/tasks/" + task);
        page.locator(".task-head a[data-action=edit]").click();

        LaunchWizard wizard = LaunchWizard.at(page, "resource");
        assertThat(page.locator("h1")).hasText("Edit " + name);
        wizard.fill("replicas", "3");
        wizard = wizard.nextTo("settings").fill("description", "edited in the console");
        ConsolePages.screenshot(page, "launch-edit");
        wizard.jumpTo("summary");
        assertThat(page.locator("button[data-go=launch]")).hasText("Save");
        wizard.launch();

        assertThat(page.locator(".task-head h1")).hasText(name);
        assertThat(page.locator(".subtitle .spec")).containsText("× 3 replicas");
        JsonNode edited = alice().get("/api/v1/tasks/" + task).json();
        assertThat(edited.get("replicas").asInt()).isEqualTo(3);
        assertThat(edited.get("description").asText()).isEqualTo("edited in the console");
        assertThat(page.locator(".timeline")).containsText("Edited");

        String running = alice().post("/api/v1/tasks", aTask().cluster("levers").with("kind", "SERVICE").json()).json().get("id").asText();
        assertThat(alice().post("/api/v1/tasks/" + running + "/start", null).status()).isEqualTo(201);
        try {
            page.navigate(base() + "/tasks/" + running);
            assertThat(page.locator(".task-head .state")).hasText(Pattern.compile("Queued|Starting|Running"));
            assertThat(page.locator(".task-head a[data-action=edit]")).hasCount(0);
            assertThat(page.locator(".task-head a[data-action=copy]")).isVisible();
            var refused = page.navigate(base() + "/launch?edit=" + running);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(page.locator("main")).containsText("cannot be edited; stop it first");
        } finally {
            alice().post("/api/v1/tasks/" + running + "/stop", null);
        }
        page.context().close();
    }

    @Test
    void theWizardAtPhoneWidthInTheDark() {
        Page page = signedIn(390, 844, ColorScheme.DARK);
        LaunchWizard wizard = LaunchWizard.open(page, base()).choose("cluster-local");
        assertThat(wizard.gpus()).hasText("1 GPU");
        ConsolePages.screenshot(page, "launch-phone-dark");
        wizard.nextTo("settings");
        assertThat(page.locator("label[for=command]")).isVisible();
        page.context().close();
    }

    private static ZonedDateTime nextEightInShanghai() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        ZonedDateTime today = now.with(LocalTime.of(8, 0));
        return today.isAfter(now) ? today : LocalDate.from(now).plusDays(1).atTime(8, 0).atZone(now.getZone());
    }

    private Page signedIn(int width, int height, ColorScheme scheme) {
        BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(width, height).setColorScheme(scheme));
        Page page = context.newPage();
        ConsolePages.signIn(page, base(), "alice", "alice");
        return page;
    }

    private Api alice() {
        return Api.anonymous(port).as("alice");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
