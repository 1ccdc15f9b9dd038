package io.tasklane.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tasklane.common.AddressedIds;
import io.tasklane.common.NotFoundException;
import io.tasklane.runtime.Deployments;
import io.tasklane.runtime.LogTail;
import io.tasklane.runtime.RunInstance;
import io.tasklane.security.Caller;
import io.tasklane.common.RunId;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskService;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The Task page: configuration, runs, the current run's replicas with their logs, the history. Its live part
 * and its logs refresh themselves (htmx) while there is something to follow.
 */
@Controller
class TaskPageController {

    static final int LOG_LINES = 200;

    private final TaskService tasks;
    private final RunService runs;
    private final Deployments deployments;
    private final TaskDetailsReader details;
    private final WhyWaitingPanel whyWaiting;

    TaskPageController(TaskService tasks, RunService runs, Deployments deployments, TaskDetailsReader details,
                       WhyWaitingPanel whyWaiting) {
        this.tasks = tasks;
        this.runs = runs;
        this.deployments = deployments;
        this.details = details;
        this.whyWaiting = whyWaiting;
    }

    @GetMapping("/tasks/{id}")
    String task(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Task task = tasks.get(caller, AddressedIds.task(id));
        model.addAttribute("task", details.read(caller, task));
        model.addAttribute("why", whyWaiting.read(caller, task));
        return htmx != null ? "task :: live" : "task";
    }

    /** The last lines of every replica's log of the task's current run, without terminal escape codes. */
    @GetMapping("/tasks/{id}/logs")
    String logs(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        Task task = tasks.get(caller, AddressedIds.task(id));
        List<ReplicaLog> logs = new ArrayList<>();
        boolean live = false;
        if (task.currentRunId() != null) {
            RunId runId = task.currentRunId();
            live = !runs.get(runId).isOver();
            for (RunInstance instance : deployments.instancesOf(runId)) {
                String text = deployments.logFile(runId, instance).filter(java.nio.file.Files::exists)
                        .map(TaskPageController::tail).orElse("");
                logs.add(new ReplicaLog(runId.value(), instance.index(), text));
            }
        }
        model.addAttribute("taskId", task.id().value());
        model.addAttribute("logs", logs);
        model.addAttribute("live", live);
        return "task :: logs";
    }

    /** A replica's whole log as a file; the same file the API's download serves. */
    @GetMapping("/runs/{runId}/instances/{index}/log")
    ResponseEntity<FileSystemResource> download(@AuthenticationPrincipal Caller caller, @PathVariable String runId,
                                                @PathVariable int index) {
        TaskRun run = runs.get(caller, AddressedIds.run(runId));
        RunInstance instance = deployments.instancesOf(run.id()).stream().filter(i -> i.index() == index).findFirst()
                .orElseThrow(() -> new NotFoundException("instance", runId + "/" + index));
        Path file = deployments.logFile(run.id(), instance)
                .orElseThrow(() -> new NotFoundException("log of instance", runId + "/" + index));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(runId + "-replica-" + index + ".log").build().toString())
                .body(new FileSystemResource(file));
    }

    private static String tail(Path file) {
        try {
            return LogTail.lastLines(file, LOG_LINES);
        } catch (IOException unreadable) {
            // A log being rotated or removed as the run ends: show nothing now, the next refresh reads it again.
            return "";
        }
    }

    /** One replica's log tail. */
    public record ReplicaLog(String runId, int index, String text) {
    }
}
