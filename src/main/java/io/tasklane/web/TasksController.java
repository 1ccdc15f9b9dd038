package io.tasklane.web;

import java.util.ArrayList;
import java.util.List;

import io.tasklane.capacity.ClusterService;
import io.tasklane.security.Caller;
import io.tasklane.task.Task;
import io.tasklane.task.TaskCounts;
import io.tasklane.task.TaskService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The Tasks page, the console's home: tabs by state with their counts, search, filters, order, pages. An htmx
 * request (the table's own refresh) gets only the table.
 */
@Controller
class TasksController {

    private final TaskService tasks;
    private final TaskRows rows;
    private final ClusterService clusters;

    TasksController(TaskService tasks, TaskRows rows, ClusterService clusters) {
        this.tasks = tasks;
        this.rows = rows;
        this.clusters = clusters;
    }

    @GetMapping("/")
    String tasks(@AuthenticationPrincipal Caller caller, TaskListRequest request,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        TaskTab selected = request.selectedTab();
        // Every tab's count in one grouped query, then the selected tab's page without counting it again.
        TaskCounts counts = tasks.count(caller, request.query(selected, 1));
        List<TabCount> tabs = new ArrayList<>();
        for (TaskTab tab : TaskTab.values()) {
            long count = tab.archived() ? counts.archived() : counts.inStates(tab.states());
            tabs.add(new TabCount(tab, count, tab == selected, request.withTab(tab)));
        }
        long total = tabs.get(selected.ordinal()).count();
        List<Task> page = total == 0 ? List.of() : tasks.page(caller, request.query(selected, TaskListRequest.PAGE_SIZE));
        long pages = Math.max(1, (total + TaskListRequest.PAGE_SIZE - 1) / TaskListRequest.PAGE_SIZE);
        model.addAttribute("request", request);
        model.addAttribute("tabs", tabs);
        model.addAttribute("rows", rows.of(caller, page));
        model.addAttribute("total", total);
        model.addAttribute("pages", pages);
        model.addAttribute("clusters", clusters.namesVisibleTo(caller));
        return htmx != null ? "tasks :: table" : "tasks";
    }

    /** A tab with the number of tasks it holds under the current search and filters. */
    public record TabCount(TaskTab tab, long count, boolean selected, String address) {
    }
}
