package io.tasklane.api;

import io.tasklane.api.ScheduleDtos.ScheduleResponse;
import io.tasklane.common.InvalidInputException;
import io.tasklane.schedule.ScheduleRequest;
import io.tasklane.schedule.ScheduleService;
import io.tasklane.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A task's schedule: {@code /api/v1/tasks/{id}/schedule}. */
@RestController
@RequestMapping(path = "/api/v1/tasks/{id}/schedule", produces = MediaType.APPLICATION_JSON_VALUE)
class ScheduleController {

    private final ScheduleService schedules;

    ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    ScheduleResponse get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return ScheduleResponse.of(schedules.get(caller, ApiIds.task(id)));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ScheduleResponse put(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody ScheduleRequest request) {
        if (request == null) {
            throw new InvalidInputException("type", "required", "a schedule body is required");
        }
        return ScheduleResponse.of(schedules.put(caller, ApiIds.task(id), request));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        schedules.delete(caller, ApiIds.task(id));
    }

}
