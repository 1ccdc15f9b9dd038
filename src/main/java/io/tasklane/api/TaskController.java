package io.tasklane.api;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tasklane.api.RunDtos.RunResponse;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.TaskId;
import io.tasklane.queue.QueueService;
import io.tasklane.schedule.ScheduleService;
import io.tasklane.task.RunService;
import io.tasklane.task.Task;
import io.tasklane.task.TaskRun;
import io.tasklane.security.Caller;
import io.tasklane.task.TaskEvent;
import io.tasklane.task.TaskQuery;
import io.tasklane.task.TaskService;
import io.tasklane.task.TaskSpec;
import io.tasklane.task.TaskState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final TaskService tasks;
    private final RunService runs;
    private final QueueService queues;
    private final ScheduleService schedules;

    private final TaskSpecBodies bodies;

    TaskController(TaskService tasks, RunService runs, QueueService queues, ScheduleService schedules, TaskSpecBodies bodies) {
        this.tasks = tasks;
        this.bodies = bodies;
        this.runs = runs;
        this.queues = queues;
        this.schedules = schedules;
    }

    // Task bodies are read as trees (TaskSpecBodies) so that one answer names every broken field; the
    // OpenAPI document still shows them as TaskSpec.
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TaskResponse> create(@AuthenticationPrincipal Caller caller,
                                        @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = TaskSpec.class)))
                                        @RequestBody JsonNode body) {
        var read = bodies.read(body);
        var task = bodies.act(read, () -> tasks.create(caller, read.spec()));
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).body(TaskResponse.of(task));
    }

    @GetMapping("/{id}")
    TaskResponse get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Task task = tasks.get(caller, ApiIds.task(id));
        Integer position = task.state() == TaskState.QUEUED && task.currentRunId() != null
                ? queues.positionOf(task.cluster(), task.currentRunId()).orElse(null) : null;
        return TaskResponse.of(task, position).withSchedule(ScheduleDtos.ScheduleSummary.of(schedules.viewOf(task.id())));
    }

    /** Starts a run of the task: it queues for GPUs, or starts deploying at once. */
    @PostMapping("/{id}/start")
    ResponseEntity<RunResponse> start(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        // The run as its start left it (read again by start itself, after its process took its first steps).
        TaskRun run = runs.start(caller, ApiIds.task(id));
        return ResponseEntity.created(URI.create("/api/v1/runs/" + run.id())).body(RunResponse.of(run));
    }

    /** Stops the task's current run; the answer shows it STOPPING (or already stopped). */
    @PostMapping("/{id}/stop")
    ResponseEntity<RunResponse> stop(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        TaskRun run = runs.stop(caller, ApiIds.task(id));
        return ResponseEntity.accepted().body(RunResponse.of(runs.get(run.id())));
    }

    @GetMapping("/{id}/runs")
    ListResponse<RunResponse> runs(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                   @RequestParam(defaultValue = "0") int offset,
                                   @RequestParam(defaultValue = "" + TaskQuery.DEFAULT_LIMIT) int limit) {
        TaskId taskId = tasks.get(caller, ApiIds.task(id)).id();
        if (limit < 1 || limit > TaskQuery.MAX_LIMIT || offset < 0) {
            throw new InvalidInputException(FieldViolation.of(limit < 1 || limit > TaskQuery.MAX_LIMIT ? "limit" : "offset", "range",
                    "limit must be between 1 and " + TaskQuery.MAX_LIMIT + ", offset 0 or more", 1, TaskQuery.MAX_LIMIT));
        }
        return new ListResponse<>(runs.countRunsOf(taskId), runs.runsOf(taskId, offset, limit).stream().map(RunResponse::of).toList());
    }

    @GetMapping
    ListResponse<TaskResponse> list(@AuthenticationPrincipal Caller caller,
                                    @RequestParam(required = false) String name,
                                    @RequestParam(required = false) String text,
                                    @RequestParam(name = "id", required = false) List<String> ids,
                                    @RequestParam(name = "state", required = false) List<TaskState> states,
                                    @RequestParam(name = "tag", required = false) List<String> tags,
                                    @RequestParam(required = false) String project,
                                    @RequestParam(required = false) String cluster,
                                    @RequestParam(required = false) String creator,
                                    @RequestParam(defaultValue = "false") boolean archived,
                                    @RequestParam(defaultValue = "0") int offset,
                                    @RequestParam(defaultValue = "" + TaskQuery.DEFAULT_LIMIT) int limit,
                                    @RequestParam(defaultValue = "createdAt") TaskQuery.Sort sort,
                                    @RequestParam(defaultValue = "desc") SortOrder order) {
        var query = new TaskQuery(name, text, ids, states, tags, project, cluster, creator, archived, offset, limit,
                sort, order == SortOrder.asc);
        var page = tasks.list(caller, query);
        return new ListResponse<>(page.total(), page.items().stream().map(TaskResponse::of).toList());
    }

    /** Replaces the whole configuration: fields left out take their defaults. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TaskResponse replace(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                         @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = TaskSpec.class)))
                         @RequestBody JsonNode body) {
        TaskId taskId = ApiIds.task(id);
        var read = bodies.read(body);
        return TaskResponse.of(bodies.act(read, () -> tasks.replace(caller, taskId, read.spec())));
    }

    /** Changes only the fields given (JSON Merge Patch, RFC 7396): {@code null} puts a field back to its default. */
    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE})
    TaskResponse patch(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                               mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = TaskSpec.class)))
                       @RequestBody JsonNode patch) {
        TaskId taskId = ApiIds.task(id);
        var read = bodies.patched(tasks.get(caller, taskId).spec(), patch);
        // Applied again to the configuration the edit itself reads: an edit made meanwhile is kept, or the
        // edit fails on the task's version (409), never silently undone.
        return TaskResponse.of(bodies.act(read, () -> tasks.change(caller, taskId, current -> bodies.patched(current, patch).spec())));
    }

    // The body is optional; consumes answers a body of another content type with 415 (a wildcard one failed being read).
    @PostMapping(path = "/{id}/copy", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TaskResponse> copy(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = TaskSpec.class)))
                                      @RequestBody(required = false) JsonNode body) {
        var read = bodies.read(body);
        var copy = bodies.act(read, () -> tasks.copy(caller, ApiIds.task(id), read.spec()));
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + copy.id())).body(TaskResponse.of(copy));
    }

    @PostMapping("/{id}/archive")
    TaskResponse archive(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return TaskResponse.of(tasks.archive(caller, ApiIds.task(id)));
    }

    @PostMapping("/{id}/unarchive")
    TaskResponse unarchive(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return TaskResponse.of(tasks.unarchive(caller, ApiIds.task(id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        tasks.delete(caller, ApiIds.task(id));
    }

    @GetMapping("/{id}/events")
    ListResponse<TaskEvent> events(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        List<TaskEvent> history = tasks.history(caller, ApiIds.task(id));
        return new ListResponse<>(history.size(), history);
    }

    enum SortOrder { asc, desc }
}
