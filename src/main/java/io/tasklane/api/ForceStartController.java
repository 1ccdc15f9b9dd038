package io.tasklane.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.tasklane.common.TaskId;
import io.tasklane.preemption.ForceStart;
import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartService;
import io.tasklane.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Force-starts (admins): plan the victims, confirm or reject (also in Tasklist), follow the outcome. */
@RestController
class ForceStartController {

    private final ForceStartService forceStarts;

    ForceStartController(ForceStartService forceStarts) {
        this.forceStarts = forceStarts;
    }

    record ForceStartResponse(ForceStartId id, TaskId taskId, String runId, String cluster, ForceStart.State state,
                              String outcome, String requestedBy, String decidedBy, Instant requestedAt, Instant decidedAt,
                              Instant finishedAt, List<ForceStart.Victim> victims, String confirmationTaskId) {

        static ForceStartResponse of(ForceStart f, String confirmationTaskId) {
            return new ForceStartResponse(f.id(), f.taskId(), f.runId().value(), f.cluster().value(), f.state(), f.outcome(),
                    f.requestedBy(), f.decidedBy(), f.requestedAt(), f.decidedAt(), f.finishedAt(), f.victims(),
                    confirmationTaskId);
        }
    }

    /** Plans the force-start of the pinned task; the answer lists the victims and the confirmation task. */
    @PostMapping(path = "/api/v1/tasks/{id}/force-start", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ForceStartResponse> start(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        ForceStart start = forceStarts.start(caller, ApiIds.task(id));
        return ResponseEntity.created(URI.create("/api/v1/force-starts/" + start.id())).body(respond(start));
    }

    @GetMapping(path = "/api/v1/force-starts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ForceStartResponse get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return respond(forceStarts.get(caller, ApiIds.forceStart(id)));
    }

    @PostMapping(path = "/api/v1/force-starts/{id}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    ForceStartResponse confirm(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return respond(forceStarts.decide(caller, ApiIds.forceStart(id), true));
    }

    @PostMapping(path = "/api/v1/force-starts/{id}/reject", produces = MediaType.APPLICATION_JSON_VALUE)
    ForceStartResponse reject(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return respond(forceStarts.decide(caller, ApiIds.forceStart(id), false));
    }

    private ForceStartResponse respond(ForceStart start) {
        return ForceStartResponse.of(start, start.state() == ForceStart.State.AWAITING_CONFIRMATION
                ? forceStarts.confirmationTaskId(start.id()).orElse(null) : null);
    }

}
