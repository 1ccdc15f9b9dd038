package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.RequestOptions;
import io.tasklane.browser.ConsolePages.TaskPage;
import io.tasklane.browser.ConsolePages.TasksPage;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console as a new user meets it, in Debian's headless Chromium: alice signs in, starts a job from the Tasks
 * page and watches it succeed without reloading, reads its log; she sees no admin actions and a forged one is
 * refused; a Chinese browser reads Chinese; an admin signed in to the console opens Tasklist without a second
 * login. Each page is saved to docs/screenshots.
 */
@IntegrationTest
class ConsoleTest {

    /** One browser for the class's tests, closed after the last. */
    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @LocalServerPort
    int port;

    @Test
    void aliceStartsAJobFromTheTasksPageWatchesItSucceedAndReadsItsLog() {
        String name = "console-hello-" + Long.toString(System.nanoTime(), 36);
        // A coloured "hello": the console must show the word, not the terminal's escape codes.
        String task = alice().post("/api/v1/tasks", aTask().named(name)
                .with("command", List.of("sh", "-c", "printf '\\033[32mhello\\033[0m\\n'; sleep 1")).json()).json().get("id").asText();
        Page page = newPage("en-US", 1280, 800, ColorScheme.LIGHT);
        ConsolePages.signIn(page, base(), "alice", "alice");
        TasksPage tasks = TasksPage.open(page, base(), name);
        assertThat(tasks.state(task)).hasText("Created");
        assertThat(tasks.adminActions()).hasCount(0);
        AtomicInteger pageLoads = new AtomicInteger();
        page.onLoad(loaded -> pageLoads.incrementAndGet());

        tasks.act(task, "start");

        assertThat(tasks.state(task)).hasText("Succeeded", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(pageLoads).as("the page was never reloaded").hasValue(0);
        ConsolePages.screenshot(page, "tasks");

        TaskPage taskPage = tasks.openTask(task);
        taskPage.awaitLogContaining("hello");
        assertThat(taskPage.firstLog().textContent()).doesNotContain("\u001b").doesNotContain("[32m");
        assertThat(page.locator("a[href*='/camunda/app/cockpit/default/#/process-instance/']").first()).isVisible();
        String download = page.locator(".log a[download]").first().getAttribute("href");
        APIResponse log = page.request().get(base() + download);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.text()).contains("hello");
        ConsolePages.screenshot(page, "task");
        page.context().close();
    }

    @Test
    void aliceSeesNoAdminActionsAndAForgedOneIsRefused() {
        String task = alice().post("/api/v1/tasks", aTask().cluster("levers").with("kind", "SERVICE").json()).json().get("id").asText();
        assertThat(alice().post("/api/v1/tasks/" + task + "/start", null).status()).isEqualTo(201);
        try {
            Page page = newPage("en-US", 1280, 800, ColorScheme.LIGHT);
            ConsolePages.signIn(page, base(), "alice", "alice");
            TasksPage tasks = TasksPage.open(page, base(), task);
            assertThat(tasks.state(task)).hasText("Running", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(tasks.row(task).locator("button[data-action=stop]")).isVisible();
            assertThat(tasks.adminActions()).hasCount(0);

            // The page offers no force-start; a request made by hand with alice's session and a valid CSRF token is
            // refused by the same check the API makes.
            String token = page.locator("meta[name=csrf-token]").getAttribute("content");
            String header = page.locator("meta[name=csrf-header]").getAttribute("content");
            APIResponse forged = page.request().post(base() + "/tasks/" + task + "/force-start",
                    RequestOptions.create().setHeader(header, token).setHeader("HX-Request", "true"));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.text()).contains("only members of tasklane-admins may force-start a task");
            APIResponse withoutToken = page.request().post(base() + "/tasks/" + task + "/stop");
            assertThat(withoutToken.status()).as("no CSRF token, no stop").isEqualTo(403);
            assertThat(alice().get("/api/v1/tasks/" + task).json().get("state").asText()).isEqualTo("RUNNING");
            ConsolePages.screenshot(page, "tasks-running");
            page.context().close();
        } finally {
            alice().post("/api/v1/tasks/" + task + "/stop", null);
        }
    }

    @Test
    void aBrowserAskingForSimplifiedChineseReadsChinese() {
        alice().post("/api/v1/tasks", aTask().named("zh-" + Long.toString(System.nanoTime(), 36)).tags("demo").json());
        Page page = newPage("zh-CN", 1280, 800, ColorScheme.LIGHT);
        page.navigate(base() + "/");
        assertThat(page.locator("label[for=username]")).hasText("用户名");
        ConsolePages.screenshot(page, "login-zh-CN");
        ConsolePages.signIn(page, base(), "alice", "alice");
        assertThat(page.locator("h1")).hasText("任务");
        assertThat(page.locator(".tabs a[data-tab=queued]")).containsText("排队中");
        assertThat(page.locator(".tabs a[data-tab=running]")).containsText("运行中");
        ConsolePages.screenshot(page, "tasks-zh-CN");

        page.navigate(base() + "/?lang=zh-TW");
        assertThat(page.locator("h1")).hasText("任務");
        page.navigate(base() + "/");
        assertThat(page.locator("h1")).hasText("任務"); // the choice is kept in the session
        page.context().close();
    }

    @Test
    void theSignInPageAndTheTasksPageAtPhoneWidthAndInTheDark() {
        Page page = newPage("en-US", 1280, 800, ColorScheme.LIGHT);
        page.navigate(base() + "/");
        assertThat(page.locator("h1")).hasText("Sign in to Tasklane");
        ConsolePages.screenshot(page, "login");
        page.context().close();

        Page phone = newPage("en-US", 390, 844, ColorScheme.DARK);
        ConsolePages.signIn(phone, base(), "alice", "alice");
        phone.locator(".queue-summary").waitFor();
        ConsolePages.screenshot(phone, "tasks-phone-dark");
        phone.context().close();
    }

    @Test
    void anAdminSignedInToTheConsoleOpensTasklistWithoutASecondLoginAndSignsOutOfBoth() {
        Page page = newPage("en-US", 1280, 800, ColorScheme.LIGHT);
        ConsolePages.signIn(page, base(), "admin", "admin");

        page.navigate(base() + "/camunda/app/tasklist/");
        page.getByText("Tasklane approvals").first().waitFor();
        assertThat(page.getByPlaceholder("Username")).hasCount(0);
        assertThat(page.getByText("Loading...")).hasCount(0);
        ConsolePages.screenshot(page, "tasklist-after-console-sign-in");

        page.navigate(base() + "/");
        page.locator("form[action='/logout'] button").click();
        page.waitForURL(base() + "/login?logout");
        page.navigate(base() + "/camunda/app/tasklist/");
        page.waitForURL(base() + "/login");
        assertThat(page.locator("#username")).isVisible();
        page.context().close();
    }

    private Page newPage(String locale, int width, int height, ColorScheme scheme) {
        BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(width, height).setColorScheme(scheme));
        return context.newPage();
    }

    private Api alice() {
        return Api.anonymous(port).as("alice");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
