package io.tasklane.web;

import io.tasklane.common.AddressedIds;
import io.tasklane.preemption.ForceStart;
import io.tasklane.preemption.ForceStartService;
import io.tasklane.queue.PinService;
import io.tasklane.security.Caller;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The row actions of the Tasks and Task pages. Each calls the service the API calls, so the same checks refuse the
 * same requests (a button the page hides is refused just the same when forged; see {@link ConsoleErrors}). An
 * htmx request gets a notice and the event {@code tasks-changed}, on which the page's tables refresh at once; a
 * plain form post goes back to the Tasks page.
 */
@Controller
class TaskActionsController {

    static final String CHANGED_EVENT = "tasks-changed";
    /** The region of the Tasks and Task pages where a pin's preview and a force-start's plan appear. */
    static final String IMPACT_REGION = "impact";

    private final TaskService tasks;
    private final RunService runs;
    private final PinService pins;
    private final ForceStartService forceStarts;

    TaskActionsController(TaskService tasks, RunService runs, PinService pins, ForceStartService forceStarts) {
        this.tasks = tasks;
        this.runs = runs;
        this.pins = pins;
        this.forceStarts = forceStarts;
    }

    @PostMapping("/tasks/{id}/start")
    String start(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        Task task = tasks.get(caller, AddressedIds.task(id));
        runs.start(caller, task.id());
        return done("notice.started", task, request, response, model);
    }

    @PostMapping("/tasks/{id}/stop")
    String stop(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Task task = tasks.get(caller, AddressedIds.task(id));
        runs.stop(caller, task.id());
        return done("notice.stopping", task, request, response, model);
    }

    @PostMapping("/tasks/{id}/archive")
    String archive(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        return done("notice.archived", tasks.archive(caller, AddressedIds.task(id)), request, response, model);
    }

    @PostMapping("/tasks/{id}/unarchive")
    String unarchive(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        return done("notice.unarchived", tasks.unarchive(caller, AddressedIds.task(id)), request, response, model);
    }

    @PostMapping("/tasks/{id}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Task task = tasks.get(caller, AddressedIds.task(id));
        tasks.delete(caller, task.id());
        return done("notice.deleted", task, request, response, model);
    }

    /** Admins pin at once; anyone else's request would wait for a review, which the console does not offer yet. */
    @PostMapping("/tasks/{id}/pin")
    String pin(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        caller.requireAdmin("pin a task from the console");
        Task task = tasks.get(caller, AddressedIds.task(id));
        pins.request(caller, task.id(), null);
        return done("notice.pinned", task, request, response, model);
    }

    @PostMapping("/tasks/{id}/unpin")
    String unpin(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        return done("notice.unpinned", pins.unpin(caller, AddressedIds.task(id)), request, response, model);
    }

    /**
     * Asked for on the Tasks or Task page (htmx aims the answer at its {@code #impact} region), the answer is the
     * force-start's plan to confirm or reject right there, as on the Queue page; the Queue page gets a notice, and a
     * plain form post goes to the Queue page, which shows the plan.
     */
    @PostMapping("/tasks/{id}/force-start")
    String forceStart(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        Task task = tasks.get(caller, AddressedIds.task(id));
        ForceStart start = forceStarts.start(caller, task.id());
        if (!Htmx.isHtmx(request) || !IMPACT_REGION.equals(request.getHeader("HX-Target"))) {
            return Htmx.done("/queue/" + start.cluster().value(), CHANGED_EVENT, "notice.force-started", task.spec().name(),
                    request, response, model);
        }
        response.setHeader("HX-Trigger", CHANGED_EVENT);
        model.addAttribute("forceStart", QueueBoard.forceStartLine(start));
        model.addAttribute("noticeKey", "notice.force-started.here");
        model.addAttribute("noticeArgument", task.spec().name());
        return "queue :: forceStartPlanned";
    }

    private static String done(String messageKey, Task task, HttpServletRequest request, HttpServletResponse response, Model model) {
        return Htmx.done("/", CHANGED_EVENT, messageKey, task.spec().name(), request, response, model);
    }
}
