package io.tasklane.api;

import java.net.URI;
import java.time.Instant;

import io.tasklane.common.TaskId;
import io.tasklane.queue.PinRequest;
import io.tasklane.queue.PinRequestId;
import io.tasklane.queue.PinService;
import io.tasklane.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pin requests: ask to pin a queued task, review them (admins, also in Tasklist), unpin. Bodies are optional and
 * JSON: {@code consumes} answers any other content type with 415 (a wildcard one failed while being read).
 */
@RestController
class PinController {

    private final PinService pins;

    PinController(PinService pins) {
        this.pins = pins;
    }

    record PinRequestBody(String reason) {
    }

    record DecisionBody(String comment) {
    }

    record PinRequestResponse(PinRequestId id, TaskId taskId, String runId, String cluster, PinRequest.State state,
                              String requestedBy, String reason, String outcome, String decidedBy, String comment,
                              Instant requestedAt, Instant decidedAt, String reviewTaskId) {

        static PinRequestResponse of(PinRequest r, String reviewTaskId) {
            return new PinRequestResponse(r.id(), r.taskId(), r.runId().value(), r.cluster().value(), r.state(), r.requestedBy(),
                    r.reason(), r.outcome(), r.decidedBy(), r.comment(), r.requestedAt(), r.decidedAt(), reviewTaskId);
        }
    }

    /** Asks to pin the task; an admin's request pins at once, anyone else's waits for review. */
    @PostMapping(path = "/api/v1/tasks/{id}/pin-requests", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PinRequestResponse> request(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                               @RequestBody(required = false) PinRequestBody body) {
        PinRequest request = pins.request(caller, ApiIds.task(id), body == null ? null : body.reason());
        return ResponseEntity.created(URI.create("/api/v1/pin-requests/" + request.id())).body(respond(request));
    }

    @GetMapping(path = "/api/v1/pin-requests/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    PinRequestResponse get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return respond(pins.get(caller, ApiIds.pinRequest(id)));
    }

    @PostMapping(path = "/api/v1/pin-requests/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    PinRequestResponse approve(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                               @RequestBody(required = false) DecisionBody body) {
        return respond(pins.decide(caller, ApiIds.pinRequest(id), true, body == null ? null : body.comment()));
    }

    @PostMapping(path = "/api/v1/pin-requests/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    PinRequestResponse reject(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                              @RequestBody(required = false) DecisionBody body) {
        return respond(pins.decide(caller, ApiIds.pinRequest(id), false, body == null ? null : body.comment()));
    }

    /** Admins: the task goes back to its place by priority and submit time. */
    @PostMapping(path = "/api/v1/tasks/{id}/unpin", produces = MediaType.APPLICATION_JSON_VALUE)
    TaskResponse unpin(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return TaskResponse.of(pins.unpin(caller, ApiIds.task(id)));
    }

    private PinRequestResponse respond(PinRequest request) {
        return PinRequestResponse.of(request, request.pending() ? pins.reviewTaskId(request.id()).orElse(null) : null);
    }

}
