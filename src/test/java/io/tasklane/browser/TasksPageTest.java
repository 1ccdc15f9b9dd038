package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.tasklane.browser.ConsolePages.TasksPage;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.TaskJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasks page's list in headless Chromium, on tasks of one test-made tag so other tests' tasks do not matter: the
 * tabs' counts, the filters (project, cluster, tag, creator), sorting and paging, and Archive, Unarchive and Delete from
 * a row; a language switch that keeps the filters; a row action done with the keyboard alone, after which the focus is
 * still in the row.
 */
@IntegrationTest
class TasksPageTest {

    static final LocatorAssertions.HasTextOptions A_WHILE = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @LocalServerPort
    int port;
    final List<String> services = new ArrayList<>();

    @AfterEach
    void stopServices() {
        services.forEach(task -> alice().post("/api/v1/tasks/" + task + "/stop", null));
    }

    @Test
    void aliceCountsFiltersSortsPagesArchivesUnarchivesAndDeletesHerTasks() {
        String tag = "list-" + Chromium.suffix();
        String project = "lst-" + Chromium.suffix();
        admin().post("/api/v1/projects", "{\"name\": \"%s\", \"description\": \"list test\"}".formatted(project));
        assertThat(admin().put("/api/v1/projects/" + project + "/members/alice", "{\"role\": \"MEMBER\"}").status()).isEqualTo(204);
        // 20 of alice's jobs in demo on local, one service of hers in the new project on sim, one job of admin's.
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(create(alice(), aTask().named(tag + "-%02d".formatted(i)).with("tags", List.of(tag))));
        }
        String service = create(alice(), aTask().named(tag + "-sim").project(project).cluster("sim").with("kind", "SERVICE")
                .with("tags", List.of(tag)));
        create(admin(), aTask().named(tag + "-admin").with("tags", List.of(tag)));
        assertThat(alice().post("/api/v1/tasks/" + service + "/start", null).status()).isEqualTo(201);
        services.add(service);

        Page page = chromium.newDesktopPage();
        ConsolePages.signIn(page, base(), "alice", "alice");
        page.navigate(base() + "/?tag=" + tag);
        assertThat(count(page, "running")).hasText("1", A_WHILE);
        assertThat(count(page, "all")).hasText("22");
        assertThat(count(page, "idle")).hasText("21");
        assertThat(count(page, "queued")).hasText("0");
        assertThat(count(page, "archived")).hasText("0");
        assertThat(rows(page)).hasCount(20);
        assertThat(page.locator(".pager")).containsText("Page 1 of 2");
        page.locator(".pager a", new Page.LocatorOptions().setHasText("Next")).click();
        assertThat(page.locator(".pager")).containsText("Page 2 of 2");
        assertThat(rows(page)).hasCount(2);
        page.locator("[data-tab=running]").click();
        assertThat(rows(page)).hasCount(1);
        assertThat(rows(page).first()).hasAttribute("data-name", tag + "-sim");

        // Sorting: by name, both ways.
        page.navigate(base() + "/?tag=" + tag);
        page.locator("#sort").selectOption("name");
        page.locator("#order").selectOption("asc");
        apply(page);
        assertThat(rows(page).first()).hasAttribute("data-name", tag + "-00");
        page.locator("#order").selectOption("desc");
        apply(page);
        assertThat(rows(page).first()).hasAttribute("data-name", tag + "-sim");
        assertThat(rows(page).nth(1)).hasAttribute("data-name", tag + "-admin");

        // Filters, each on top of the tag.
        page.locator("#project").fill(project);
        apply(page);
        assertThat(rows(page)).hasCount(1);
        assertThat(count(page, "all")).hasText("1");
        page.locator("#project").fill("");
        page.locator("#cluster").selectOption("sim");
        apply(page);
        assertThat(rows(page)).hasCount(1);
        assertThat(rows(page).first()).hasAttribute("data-name", tag + "-sim");
        page.locator("#cluster").selectOption("");
        page.locator("#creator").fill("admin");
        apply(page);
        assertThat(rows(page)).hasCount(1);
        assertThat(rows(page).first()).hasAttribute("data-name", tag + "-admin");
        ConsolePages.screenshot(page, "tasks-filtered");

        // The language switch keeps the tab, the filters and the order.
        page.locator(".languages a[lang=zh-CN]").first().click();
        assertThat(page).hasURL(Pattern.compile(".*creator=admin.*"));
        assertThat(page).hasURL(Pattern.compile(".*tag=" + tag + ".*lang=zh-CN"));
        assertThat(rows(page)).hasCount(1);
        assertThat(page.locator("#creator")).hasValue("admin");
        assertThat(page.locator("h1")).hasText("任务");
        page.locator(".languages a[lang=en]").first().click();
        assertThat(page.locator("h1")).hasText("Tasks");

        // Archive, Unarchive and Delete from a row.
        String first = jobs.get(0);
        TasksPage tasks = TasksPage.open(page, base(), tag + "-00");
        tasks.act(first, "archive");
        assertThat(page.locator("#notice")).containsText("Archived " + tag + "-00");
        assertThat(tasks.row(first)).hasCount(0);
        page.navigate(base() + "/?tag=" + tag);
        assertThat(count(page, "archived")).hasText("1");
        assertThat(count(page, "all")).hasText("21");
        page.locator("[data-tab=archived]").click();
        assertThat(tasks.row(first).locator(".actions")).isVisible();
        tasks.act(first, "unarchive");
        assertThat(tasks.row(first)).hasCount(0);
        assertThat(count(page, "archived")).hasText("0");
        assertThat(count(page, "all")).hasText("22");

        page.onDialog(dialog -> dialog.accept());
        tasks = TasksPage.open(page, base(), tag + "-01");
        tasks.act(jobs.get(1), "delete");
        assertThat(tasks.row(jobs.get(1))).hasCount(0);
        assertThat(alice().get("/api/v1/tasks/" + jobs.get(1)).status()).isEqualTo(404);
        page.context().close();
    }

    @Test
    void aliceStartsAndStopsATaskWithTheKeyboardAloneAndTheFocusStaysInItsRow() {
        String name = "keys-" + Chromium.suffix();
        String task = create(alice(), aTask().named(name).cluster("sim").with("kind", "SERVICE"));
        services.add(task);
        Page page = chromium.newDesktopPage();
        ConsolePages.signIn(page, base(), "alice", "alice");
        TasksPage tasks = TasksPage.open(page, base(), name);
        tasks.row(task).locator("td:first-child a").focus();

        tabTo(page, "act-" + task + "-start");
        page.keyboard().press("Enter");
        // Start is gone (the task is under way): the focus is on the row's actions, from where Tab reaches Stop.
        assertThat(page.locator("#task-" + task + " [data-task-actions]")).isFocused();
        assertThat(tasks.state(task)).hasText("Running", A_WHILE);
        page.keyboard().press("Tab");
        assertThat(page.locator("#act-" + task + "-stop")).isFocused();
        ConsolePages.screenshot(page, "tasks-keyboard");

        page.keyboard().press("Enter");
        Await.until("task " + task + " to stop", () -> alice().get("/api/v1/tasks/" + task).json(),
                t -> t.get("state").asText().equals("STOPPED"));
        assertThat(tasks.state(task)).hasText("Stopped", A_WHILE);
        assertThat(page.locator("#task-" + task + " :focus")).hasCount(1);
        page.context().close();
    }

    @Test
    void anIdleTaskWhoseScheduleIsNotDueLinksFromItsRowToWhyItWaits() {
        String name = "later-" + Chromium.suffix();
        String task = create(alice(), aTask().named(name));
        String at = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        String schedule = "{\"type\": \"ONE_OFF\", \"timeZone\": \"Asia/Shanghai\", \"at\": \"%s\", \"active\": %s}";
        assertThat(alice().put("/api/v1/tasks/" + task + "/schedule", schedule.formatted(at, true)).status()).isEqualTo(200);
        try {
            Page page = chromium.newDesktopPage();
            ConsolePages.signIn(page, base(), "alice", "alice");
            TasksPage tasks = TasksPage.open(page, base(), name);
            assertThat(tasks.state(task)).hasText("Created");
            tasks.row(task).locator("a.why-link").click();
            assertThat(page.locator("#why .why-reasons li").first()).containsText("its schedule is not due yet: it starts at "
                    + at.replace('T', ' ') + " Asia/Shanghai");
            page.context().close();
        } finally {
            alice().put("/api/v1/tasks/" + task + "/schedule", schedule.formatted(at, false));
        }
    }

    /** Presses Tab until the element with this id has the focus (at most 40 times). */
    private static void tabTo(Page page, String id) {
        for (int i = 0; i < 40 && !id.equals(page.evaluate("() => document.activeElement.id")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.locator("#" + id)).isFocused();
    }

    private static Locator count(Page page, String tab) {
        return page.locator("[data-tab=" + tab + "] .count");
    }

    private static Locator rows(Page page) {
        return page.locator("table.tasks tbody tr");
    }

    private static void apply(Page page) {
        page.locator("form.filters button[type=submit]").click();
        page.waitForLoadState();
    }

    private static String create(Api api, TaskJson task) {
        return api.post("/api/v1/tasks", task.json()).json().get("id").asText();
    }

    private Api alice() {
        return Api.anonymous(port).as("alice");
    }

    private Api admin() {
        return Api.anonymous(port).as("admin");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
