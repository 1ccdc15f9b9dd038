package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tasklane.browser.ConsolePages.TaskPage;
import io.tasklane.browser.ConsolePages.TasksPage;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser that asks for Simplified Chinese reads no English that Tasklane wrote: a run's reason and a broken rule,
 * both built in Java, read in Chinese; only data (names, a replica's exit message) stays as it is.
 */
@IntegrationTest
class ChineseConsoleTest {

    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @LocalServerPort
    int port;

    @Test
    void aStoppedRunAndAFailedRunReadInChineseWithTheExitMessageAsData() {
        String stoppedName = "zh-stop-" + Chromium.suffix();
        String stopped = started(aTask().named(stoppedName).with("command", List.of("sleep", "60")).json());
        awaitState(stopped, "RUNNING");
        assertThat(alice().post("/api/v1/tasks/" + stopped + "/stop", null).status()).isEqualTo(202);
        awaitState(stopped, "STOPPED");
        String failed = started(aTask().named("zh-fail-" + Chromium.suffix()).with("command", List.of("sh", "-c", "exit 3")).json());
        awaitState(failed, "FAILED");

        Page page = chinesePage();
        TasksPage tasks = TasksPage.open(page, base(), stoppedName);
        assertThat(reasonIn(tasks.row(stopped))).hasText("由 alice 停止");
        assertThat(tasks.row(stopped).locator(".spec")).containsText("无 GPU（按槽位）");
        ConsolePages.screenshot(page, "tasks-zh-CN-stopped");

        TaskPage taskPage = TaskPage.open(page, base(), failed);
        Locator reason = reasonIn(page.locator("tr[data-run]").first());
        assertThat(reason).containsText("副本失败：节点");
        assertThat(reason.locator(".reason-detail")).hasText("exited with code 3");
        assertThat(reason.textContent()).doesNotContain("ReplicaFailed").doesNotContain("replica ");
        assertThat(taskPage.state()).hasText("运行失败");
        assertThat(page.locator("#timeline")).containsText("的全部 1 个副本已就绪");
        assertThat(page.locator("#timeline")).not().containsText("replica(s)");
        ConsolePages.screenshot(page, "task-zh-CN-failed-run");

        page.navigate(base() + "/queue");
        assertThat(page.locator("h1")).hasText("队列");
        assertThat(page.locator("#queue-local")).containsText("无 GPU（按槽位）");
        ConsolePages.screenshot(page, "queue-zh-CN");
        page.context().close();
    }

    @Test
    void aRuleErrorReadsInChineseAtItsFieldAndAReadOnlyStorageIsMarkedInChinese() {
        Page page = chinesePage();
        LaunchWizard wizard = LaunchWizard.open(page, base()).choose("cluster-sim").fill("replicas", "2000");
        wizard.next();
        wizard = LaunchWizard.at(page, "resource");
        assertThat(wizard.errorAt("replicas")).hasText("最多为 1000");

        wizard = wizard.fill("replicas", "2").nextTo("settings");
        wizard.fill("name", "Not_A_Name").fill("command", "sh -c 'echo kept'").fill("env", "SHM_SIZE=lots");
        wizard.next();
        wizard = LaunchWizard.at(page, "settings");
        assertThat(wizard.errorAt("env")).hasText("SHM_SIZE 须为带单位 K、M 或 G 的整数，例如 512M 或 60G");
        assertThat(wizard.errorAt("name")).hasText("“Not_A_Name”须为最多 63 个字符的 a-z、0-9 和 -，并以字母或数字开头和结尾");
        assertThat(page.locator(".error-summary")).not().containsText("must be");
        assertThat(wizard.field("name")).hasValue("Not_A_Name");
        ConsolePages.screenshot(page, "launch-error-zh-CN");

        String withStorage = alice().post("/api/v1/tasks", aTask().named("zh-ro-" + Chromium.suffix())
                .with("storages", List.of(Map.of("name", "datasets", "mountPath", "/data", "readOnly", true))).json()).json().get("id").asText();
        TaskPage.open(page, base(), withStorage);
        assertThat(page.locator("#configuration dl.settings")).containsText("datasets → /data（只读）");
        assertThat(page.locator("#configuration dl.settings")).not().containsText("(ro)");
        page.context().close();
    }

    private static Locator reasonIn(Locator scope) {
        return scope.locator("small.reason").first();
    }

    private String started(String json) {
        String task = alice().post("/api/v1/tasks", json).json().get("id").asText();
        assertThat(alice().post("/api/v1/tasks/" + task + "/start", null).status()).isEqualTo(201);
        return task;
    }

    private void awaitState(String task, String state) {
        Await.until("task " + task + " to be " + state, () -> alice().get("/api/v1/tasks/" + task).json(),
                t -> t.get("state").asText().equals(state));
    }

    /** A page whose browser asks for Simplified Chinese (Accept-Language: zh-CN), signed in as alice. */
    private Page chinesePage() {
        Page page = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "zh-CN")).setViewportSize(1280, 800)).newPage();
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
