package io.tasklane.web;

import java.util.List;

import io.tasklane.task.TaskQuery;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the Tasks page was asked for: a tab, a search, filters, an order and a page. Blank means "not given";
 * anything else is passed to the task list as the API passes it, so the same rules refuse the same input.
 */
public record TaskListRequest(String tab, String text, String project, String cluster, String tag, String creator,
                              String sort, String order, Integer page) {

    static final int PAGE_SIZE = 20;

    public TaskTab selectedTab() {
        return TaskTab.of(tab);
    }

    public int pageNumber() {
        return page == null || page < 1 ? 1 : page;
    }

    public String sortKey() {
        return sortField().name();
    }

    public boolean ascending() {
        return "asc".equals(order);
    }

    TaskQuery query(TaskTab tab, int limit) {
        return new TaskQuery(null, blankless(text), null, tab.states(), tag == null || tag.isBlank() ? null : List.of(tag.trim()),
                blankless(project), blankless(cluster), blankless(creator), tab.archived(), (pageNumber() - 1) * limit, limit,
                sortField(), ascending());
    }

    /** This request's address with another tab (from its first page), for the tab links. */
    public String withTab(TaskTab other) {
        return address(other.key(), 1);
    }

    /** This request's address on another page. */
    public String withPage(int other) {
        return address(selectedTab().key(), other);
    }

    /** Where the table fragment of this request is read from, for the live refresh. */
    public String tableAddress() {
        return withPage(pageNumber());
    }

    private String address(String tabKey, int pageNumber) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/").queryParam("tab", tabKey);
        addIfGiven(uri, "text", text);
        addIfGiven(uri, "project", project);
        addIfGiven(uri, "cluster", cluster);
        addIfGiven(uri, "tag", tag);
        addIfGiven(uri, "creator", creator);
        addIfGiven(uri, "sort", sort);
        addIfGiven(uri, "order", order);
        if (pageNumber > 1) {
            uri.queryParam("page", pageNumber);
        }
        return uri.encode().build().toUriString();
    }

    private TaskQuery.Sort sortField() {
        for (TaskQuery.Sort candidate : TaskQuery.Sort.values()) {
            if (candidate.name().equals(sort)) {
                return candidate;
            }
        }
        return TaskQuery.Sort.createdAt;
    }

    private static void addIfGiven(UriComponentsBuilder uri, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, value);
        }
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
