package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The console as a person sees it: the sign-in page, the Tasks page and a Task page, by what they show. */
final class ConsolePages {

    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private ConsolePages() {
    }

    /** Signs in through the console's own sign-in page (the one sign-in for Camunda's webapps too). */
    static void signIn(Page page, String base, String user, String password) {
        page.navigate(base + "/login");
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        // The Tasks page, or the page that sent the person to sign in (Spring Security adds "?continue").
        page.waitForURL(Pattern.compile(Pattern.quote(base) + "/(\\?continue)?$"));
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** The Tasks page, searched for one task's name so the task is on the first page whatever else exists. */
    record TasksPage(Page page) {

        static TasksPage open(Page page, String base, String text) {
            page.navigate(base + "/?text=" + text);
            page.locator(".queue-summary").waitFor();
            return new TasksPage(page);
        }

        Locator row(String taskId) {
            return page.locator("#task-" + taskId);
        }

        Locator state(String taskId) {
            return row(taskId).locator(".state");
        }

        void act(String taskId, String action) {
            row(taskId).locator("button[data-action=" + action + "]").click();
        }

        Locator adminActions() {
            return page.locator("button[data-action=pin], button[data-action=unpin], button[data-action=force-start]");
        }

        TaskPage openTask(String taskId) {
            row(taskId).locator("td:first-child a").click();
            page.locator("#task-live").waitFor();
            return new TaskPage(page);
        }
    }

    /** One task's page. */
    record TaskPage(Page page) {

        static TaskPage open(Page page, String base, String taskId) {
            page.navigate(base + "/tasks/" + taskId);
            page.locator("#task-live").waitFor();
            return new TaskPage(page);
        }

        Locator firstLog() {
            return page.locator(".log pre").first();
        }

        Locator log(int replica) {
            return page.locator(".log[data-replica='" + replica + "'] pre");
        }

        /** Chooses how many of each log's last lines to show (the logs are drawn again from their ends). */
        void showLastLines(int lines) {
            page.locator("#log-lines").selectOption(String.valueOf(lines));
        }

        Locator state() {
            return page.locator("#task-live .task-head .state");
        }

        void act(String action) {
            page.locator("#task-live .task-head [data-action=" + action + "]").click();
        }

        Locator run(String runId) {
            return page.locator("tr[data-run='" + runId + "']");
        }

        /** A figure of a run's row: waited, ran or gpuHours. */
        Locator figure(String runId, String figure) {
            return run(runId).locator("[data-figure=" + figure + "]");
        }

        Locator role(String name) {
            return page.locator("table.roles tr[data-role='" + name + "']");
        }

        /** The current run's replicas of one role, in rank order. */
        Locator replicasOf(String role) {
            return page.locator("table.instances tbody[data-role='" + role + "'] tr[data-rank]");
        }

        void awaitLogContaining(String text) {
            assertThat(firstLog()).containsText(text);
        }
    }
}
