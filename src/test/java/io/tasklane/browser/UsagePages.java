package io.tasklane.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The Usage page by what a person sees in it: the form, the switch, the chart's series and legend, the table, the CSV. */
record UsagePages(Page page) {

    static UsagePages open(Page page, String base, String query) {
        page.navigate(base + "/usage" + query);
        page.locator(".queue-summary").waitFor();
        return new UsagePages(page);
    }

    Locator field(String id) {
        return page.locator("#" + id);
    }

    Locator fieldError(String field) {
        return page.locator("#" + field + "-error");
    }

    void chooseCluster(String cluster) {
        field("cluster").selectOption(cluster);
        page.locator("[data-action=show]").click();
        page.waitForURL("**cluster=" + cluster + "*");
        page.locator(".queue-summary").waitFor();
    }

    void stackBy(String stack) {
        page.locator(".switch a[data-stack=" + stack + "]").click();
        page.waitForURL("**stack=" + stack + "*");
        page.locator(".switch a[data-stack=" + stack + "][aria-current=true]").waitFor();
    }

    /** Each series the chart draws, as its name and its GPU-hours over the period (from the chart itself, once drawn). */
    @SuppressWarnings("unchecked")
    Map<String, Double> series() {
        page.locator("#usage-chart svg").waitFor();
        Map<String, Object> drawn = (Map<String, Object>) page.evaluate("""
                () => Object.fromEntries(echarts.getInstanceByDom(document.getElementById('usage-chart')).getOption().series
                        .map(s => [s.name, s.data.reduce((sum, value) => sum + value, 0)]))""");
        Map<String, Double> series = new java.util.LinkedHashMap<>();
        drawn.forEach((name, hours) -> series.put(name, ((Number) hours).doubleValue()));
        return series;
    }

    /** The texts the chart's SVG shows: its legend's names among them. */
    List<String> chartTexts() {
        return page.locator("#usage-chart svg text").allTextContents();
    }

    /** The table's rows as their cells: day, project or user, GPU-hours, SKU-hours, runs. */
    List<List<String>> rows() {
        return page.locator("table.usage-rows tbody tr").all().stream().map(row -> row.locator("td").allTextContents()).toList();
    }

    /** The total row's figures: GPU-hours, SKU-hours, runs. */
    List<String> total() {
        return page.locator("table.usage-rows tfoot td").allTextContents();
    }

    /** Downloads the CSV through the page's link and reads it. */
    String downloadCsv() throws IOException {
        Download download = page.waitForDownload(() -> page.locator("[data-action=csv]").click());
        return Files.readString(download.path(), StandardCharsets.UTF_8);
    }

    void show(String from, String to, String timeZone) {
        field("from").fill(from);
        field("to").fill(to);
        field("timeZone").fill(timeZone);
        page.locator("[data-action=show]").click();
        page.locator(".error-summary, table.usage-rows, .usage .empty").first().waitFor();
        page.locator(".queue-summary").waitFor();
    }
}
