package io.tasklane.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.tasklane.support.Api;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import io.tasklane.support.IntegrationTest;

/**
 * The Projects page in headless Chromium: an admin creates a project and appoints its manager; the manager adds a
 * member but is offered no manager role, and a forged appointment is refused; a plain member sees the project and its
 * members and no form. Every change goes through the project service's rules, as the API's do.
 */
@IntegrationTest
class ProjectsPageTest {

    @AutoClose
    static final Chromium chromium = Chromium.launch();

    @LocalServerPort
    int port;

    @Test
    void anAdminAppointsAManagerWhoAddsMembersButNoManagers() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String project = "team-" + suffix;
        String carol = "carol-" + suffix;
        String bob = "bob-" + suffix;
        createUser(carol);
        createUser(bob);

        Page admin = chromium.newDesktopPage();
        ConsolePages.signIn(admin, base(), "admin", "admin");
        admin.navigate(base() + "/projects");
        admin.locator("#project-name").fill(project);
        admin.locator("#project-description").fill("Speech models");
        admin.locator("[data-action=create-project]").click();
        assertThat(admin.locator("#notice .notice")).containsText(project);
        Locator section = admin.locator("#project-" + project);
        assertThat(section).containsText("Speech models");
        putMember(section, carol, "MANAGER");
        assertThat(section.locator("[data-member=" + carol + "] .role")).containsText("manager");
        putMember(section, "alice", "MEMBER");
        assertThat(section.locator("[data-member=alice] .role")).hasText("member");
        ConsolePages.screenshot(admin, "projects-admin");
        admin.context().close();

        Page manager = chromium.newDesktopPage();
        ConsolePages.signIn(manager, base(), carol, carol);
        manager.navigate(base() + "/projects");
        Locator managed = manager.locator("#project-" + project);
        assertThat(managed.locator("select[name=role] option")).hasCount(1);
        assertThat(manager.locator("#create-project")).hasCount(0);
        // A manager cannot remove a manager: no button for one.
        assertThat(managed.locator("[data-member=" + carol + "] [data-action=remove-member]")).hasCount(0);
        putMember(managed, bob, "MEMBER");
        assertThat(managed.locator("[data-member=" + bob + "]")).isVisible();
        ConsolePages.screenshot(manager, "projects-manager");
        APIResponse appoint = forged(manager, "/projects/" + project + "/members", FormData.create().set("userId", bob).set("role", "MANAGER"));
        assertThat(appoint.status()).isEqualTo(403);
        managed.locator("[data-member=" + bob + "] [data-action=remove-member]").click();
        assertThat(managed.locator("[data-member=" + bob + "]")).hasCount(0);
        manager.context().close();

        Page member = chromium.newDesktopPage();
        ConsolePages.signIn(member, base(), "alice", "alice");
        member.navigate(base() + "/projects");
        Locator seen = member.locator("#project-" + project);
        assertThat(seen.locator("[data-member=" + carol + "]")).isVisible();
        assertThat(seen.locator("form")).hasCount(0);
        assertThat(forged(member, "/projects/" + project + "/members", FormData.create().set("userId", "alice").set("role", "MANAGER")).status())
                .isEqualTo(403);
        assertThat(forged(member, "/projects", FormData.create().set("name", "alices-own")).status()).isEqualTo(403);
        member.context().close();

        assertThat(Api.anonymous(port).as("admin").get("/api/v1/projects/" + project + "/members").body())
                .contains("\"" + carol + "\"", "MANAGER", "\"alice\"").doesNotContain(bob);
    }

    @Test
    void aBrokenProjectNameIsRefusedInTheRulesWords() {
        Page admin = chromium.newDesktopPage();
        ConsolePages.signIn(admin, base(), "admin", "admin");
        admin.navigate(base() + "/projects");
        APIResponse refused = forged(admin, "/projects", FormData.create().set("name", "Not A Label"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("name");
        admin.context().close();
    }

    private static void putMember(Locator section, String user, String role) {
        section.locator("input[name=userId]").fill(user);
        section.locator("select[name=role]").selectOption(role);
        section.locator("[data-action=put-member]").click();
        assertThat(section.locator("[data-member=" + user + "]")).isVisible();
    }

    private void createUser(String user) {
        Api.Response created = Api.anonymous(port).as("admin").post("/engine-rest/user/create", "{\"profile\": {\"id\": \"" + user
                + "\", \"firstName\": \"" + user + "\", \"lastName\": \"Test\", \"email\": \"" + user + "@example.org\"}, \"credentials\": {\"password\": \""
                + user + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
    }

    private APIResponse forged(Page page, String path, FormData form) {
        String token = page.locator("meta[name=csrf-token]").getAttribute("content");
        String header = page.locator("meta[name=csrf-header]").getAttribute("content");
        return page.request().post(base() + path, RequestOptions.create().setHeader(header, token).setHeader("HX-Request", "true").setForm(form));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
