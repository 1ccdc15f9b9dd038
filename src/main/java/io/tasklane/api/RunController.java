package io.tasklane.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.tasklane.api.RunDtos.InstanceResponse;
import io.tasklane.api.RunDtos.RunResponse;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.runtime.Deployments;
import io.tasklane.runtime.InstanceQuery;
import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.LogTail;
import io.tasklane.security.Caller;
import io.tasklane.queue.StartEstimates;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskState;
import io.tasklane.task.TaskRun;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/runs")
class RunController {

    static final int MAX_TAIL = 10_000;

    private final RunService runs;
    private final Deployments deployments;
    private final StartEstimates estimates;

    RunController(RunService runs, Deployments deployments, StartEstimates estimates) {
        this.runs = runs;
        this.deployments = deployments;
        this.estimates = estimates;
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RunResponse get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        TaskRun run = runs.get(caller, ApiIds.run(id));
        EstimateFields estimate = run.state() == TaskState.QUEUED && !run.admitted()
                ? EstimateFields.of(estimates.of(run.cluster(), run.id()).orElse(null)) : EstimateFields.NONE;
        return RunResponse.of(run, deployments.dashboardOf(run.id()), deployments.replicaCountsOf(run), estimate);
    }

    /** The run's replicas: filters role (exact) and state (any of them); sort index|launchedAt|finishedAt; paging. */
    @GetMapping(path = "/{id}/instances", produces = MediaType.APPLICATION_JSON_VALUE)
    ListResponse<InstanceResponse> instances(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                             @RequestParam(required = false) String role,
                                             @RequestParam(name = "state", required = false) List<InstanceState> states,
                                             @RequestParam(defaultValue = "index") InstanceQuery.Sort sort,
                                             @RequestParam(defaultValue = "asc") TaskController.SortOrder order,
                                             @RequestParam(defaultValue = "0") int offset,
                                             @RequestParam(defaultValue = "" + InstanceQuery.DEFAULT_LIMIT) int limit) {
        runs.get(caller, ApiIds.run(id));
        if (limit < 1 || limit > InstanceQuery.MAX_LIMIT || offset < 0) {
            throw new InvalidInputException(FieldViolation.of(limit < 1 || limit > InstanceQuery.MAX_LIMIT ? "limit" : "offset", "range",
                    "limit must be between 1 and " + InstanceQuery.MAX_LIMIT + ", offset 0 or more", 1, InstanceQuery.MAX_LIMIT));
        }
        InstanceQuery query = new InstanceQuery(role, states == null ? null : java.util.Set.copyOf(states), sort,
                order == TaskController.SortOrder.asc, offset, limit);
        InstanceQuery.Page page = deployments.instanceViews(ApiIds.run(id), query);
        return new ListResponse<>(page.total(), page.items().stream().map(InstanceResponse::of).toList());
    }

    /** The replica's log: its last {@code tail} lines as text, or the whole file as an attachment. */
    @GetMapping("/{id}/instances/{index}/logs")
    ResponseEntity<?> logs(@AuthenticationPrincipal Caller caller, @PathVariable String id, @PathVariable int index,
                           @RequestParam(defaultValue = "200") int tail, @RequestParam(defaultValue = "false") boolean download)
            throws IOException {
        runs.get(caller, ApiIds.run(id));
        if (tail < 1 || tail > MAX_TAIL) {
            throw new InvalidInputException(FieldViolation.of("tail", "range", "tail must be between 1 and " + MAX_TAIL,
                    1, MAX_TAIL));
        }
        Path file = deployments.logFileOf(ApiIds.run(id), index);
        if (download) {
            Resource resource = new FileSystemResource(file);
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(id + "-replica-" + index + ".log").build().toString())
                    .body(resource);
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(LogTail.lastLines(file, tail));
    }
}
