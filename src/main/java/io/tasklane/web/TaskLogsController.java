package io.tasklane.web;

import java.nio.file.Path;
import java.util.List;

import io.tasklane.common.AddressedIds;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.runtime.Deployments;
import io.tasklane.security.Caller;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskService;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Task page's log viewer: each replica's last N lines, then followed live by appending what it writes after them
 * (htmx polls with the byte offset it has reached), and the whole log as a download.
 */
@Controller
class TaskLogsController {

    static final List<Integer> LINE_CHOICES = List.of(50, 200, 1000, 5000);
    static final int DEFAULT_LINES = 200;
    /** htmx's "stop polling" answer; sent with HX-Reswap none, so nothing on the page changes. */
    static final int STOP_POLLING = 286;

    private final TaskService tasks;
    private final RunService runs;
    private final Deployments deployments;
    private final ReplicaLogs logs;

    TaskLogsController(TaskService tasks, RunService runs, Deployments deployments, ReplicaLogs logs) {
        this.tasks = tasks;
        this.runs = runs;
        this.deployments = deployments;
        this.logs = logs;
    }

    /**
     * The logs of the task's current run. Polled with {@code known} (what the page shows): unchanged, nothing is sent
     * (each log follows itself), and once the run is over the polling stops.
     */
    @GetMapping("/tasks/{id}/logs")
    String logs(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                @RequestParam(defaultValue = "" + DEFAULT_LINES) int lines, @RequestParam(required = false) String known,
                HttpServletResponse response, Model model) {
        if (!LINE_CHOICES.contains(lines)) {
            throw new InvalidInputException(FieldViolation.of("lines", "one-of", "lines must be one of " + LINE_CHOICES,
                    LINE_CHOICES));
        }
        Task task = tasks.get(caller, AddressedIds.task(id));
        ReplicaLogs.Current current = logs.current(task);
        String signature = current.signature(lines);
        if (signature.equals(known)) {
            if (!current.live()) {
                response.setHeader("HX-Reswap", "none");
            }
            response.setStatus(current.live() ? HttpServletResponse.SC_NO_CONTENT : STOP_POLLING);
            return null;
        }
        model.addAttribute("taskId", task.id().value());
        model.addAttribute("logs", logs.tails(current, lines));
        model.addAttribute("live", current.live());
        model.addAttribute("lines", lines);
        model.addAttribute("lineChoices", LINE_CHOICES);
        model.addAttribute("signature", signature);
        return "task :: logs";
    }

    /** What a replica wrote from byte {@code offset} on, appended to its log on the page, and where to poll next. */
    @GetMapping("/runs/{runId}/instances/{index}/log/after")
    String after(@AuthenticationPrincipal Caller caller, @PathVariable String runId, @PathVariable int index,
                 @RequestParam long offset, Model model) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "range", "offset must be 0 or more");
        }
        TaskRun run = runs.get(caller, AddressedIds.run(runId));
        model.addAttribute("log", logs.after(run, index, offset));
        return "task :: piece";
    }

    /** A replica's whole log as a file, escapes included; the same file the API's download serves. */
    @GetMapping("/runs/{runId}/instances/{index}/log")
    ResponseEntity<FileSystemResource> download(@AuthenticationPrincipal Caller caller, @PathVariable String runId,
                                                @PathVariable int index) {
        TaskRun run = runs.get(caller, AddressedIds.run(runId));
        Path file = deployments.logFileOf(run.id(), index);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(runId + "-replica-" + index + ".log").build().toString())
                .body(new FileSystemResource(file));
    }
}
