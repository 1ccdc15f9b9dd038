package io.tasklane.web;

import io.tasklane.common.AddressedIds;
import io.tasklane.security.Caller;
import io.tasklane.task.Task;
import io.tasklane.task.TaskService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The Task page: configuration, runs, the current run's replicas, the history. Its live part refreshes itself (htmx)
 * while there is something to follow; its logs are {@link TaskLogsController}'s.
 */
@Controller
class TaskPageController {

    private final TaskService tasks;
    private final TaskDetailsReader details;
    private final WhyWaitingPanel whyWaiting;

    TaskPageController(TaskService tasks, TaskDetailsReader details, WhyWaitingPanel whyWaiting) {
        this.tasks = tasks;
        this.details = details;
        this.whyWaiting = whyWaiting;
    }

    @GetMapping("/tasks/{id}")
    String task(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Task task = tasks.get(caller, AddressedIds.task(id));
        model.addAttribute("task", details.read(caller, task));
        model.addAttribute("why", whyWaiting.read(caller, task));
        model.addAttribute("refresh", htmx != null);
        return htmx != null ? "task :: live" : "task";
    }
}
