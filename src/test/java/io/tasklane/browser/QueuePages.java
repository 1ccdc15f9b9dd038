package io.tasklane.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The Queue and Clusters pages and the Task page's "Why is it waiting" panel, by what a person sees in them. */
final class QueuePages {

    private QueuePages() {
    }

    /** The Queue page of one cluster. */
    record QueuePage(Page page, String cluster) {

        static QueuePage open(Page page, String base, String cluster) {
            page.navigate(base + "/queue/" + cluster);
            page.locator("#queue-" + cluster).waitFor();
            return new QueuePage(page, cluster);
        }

        Locator section() {
            return page.locator("#queue-" + cluster);
        }

        Locator waitingRow(String taskId) {
            return section().locator("table.waiting tr[data-task='" + taskId + "']");
        }

        Locator runningRow(String taskId) {
            return section().locator("table.running tr[data-task='" + taskId + "']");
        }

        Locator adminActions() {
            return page.locator("[data-action=pin], [data-action=unpin], [data-action=force-start], [data-action=confirm-force-start],"
                    + " [data-action=reject-force-start]");
        }

        void act(String taskId, String action) {
            waitingRow(taskId).locator("[data-action=" + action + "]").click();
        }

        /** The preview shown before a pin is confirmed. */
        Locator impact() {
            return page.locator("#impact .impact");
        }

        Locator forceStart() {
            return section().locator(".force-start");
        }
    }

    /** The "Why is it waiting" panel of a Task page. */
    record WhyPanel(Page page) {

        Locator position() {
            return page.locator("#why .why-position");
        }

        Locator reasons() {
            return page.locator("#why .why-reasons li");
        }

        Locator sooner() {
            return page.locator("#why .why-sooner li");
        }
    }

    /** The Clusters page. */
    record ClustersPage(Page page) {

        static ClustersPage open(Page page, String base) {
            page.navigate(base + "/clusters");
            page.locator("#cluster-list").waitFor();
            return new ClustersPage(page);
        }

        Locator cluster(String name) {
            return page.locator("#cluster-" + name);
        }

        Locator node(String cluster, String node) {
            return cluster(cluster).locator("tr[data-node='" + node + "']");
        }

        Locator grant(String cluster, String typeAndPrincipal) {
            return cluster(cluster).locator("li[data-grant='" + typeAndPrincipal + "']");
        }

        void grant(String cluster, String type, String principal) {
            cluster(cluster).locator("form.grant select[name=type]").selectOption(type);
            cluster(cluster).locator("form.grant input[name=principal]").fill(principal);
            cluster(cluster).locator("[data-action=grant]").click();
        }
    }
}
