package io.tasklane.api;

import java.net.URI;
import java.util.List;

import io.tasklane.security.Caller;
import io.tasklane.security.Membership;
import io.tasklane.security.Project;
import io.tasklane.security.ProjectRole;
import io.tasklane.security.ProjectService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectController {

    record ProjectRequest(String name, String description) {
    }

    /** A member's role; left out, a new member is a MEMBER and an existing one keeps their role. */
    record MemberRequest(ProjectRole role) {
    }

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    ListResponse<Project> list(@AuthenticationPrincipal Caller caller) {
        List<Project> visible = projects.list(caller);
        return new ListResponse<>(visible.size(), visible);
    }

    @GetMapping("/{name}")
    Project get(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        return projects.get(caller, name);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Project> create(@AuthenticationPrincipal Caller caller, @RequestBody ProjectRequest request) {
        Project project = projects.create(caller, request.name(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.name())).body(project);
    }

    @GetMapping("/{name}/members")
    ListResponse<Membership> members(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        List<Membership> members = projects.memberships(caller, name);
        return new ListResponse<>(members.size(), members);
    }

    @PutMapping(path = "/{name}/members/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addMember(@AuthenticationPrincipal Caller caller, @PathVariable String name, @PathVariable String userId,
                   @RequestBody(required = false) MemberRequest request) {
        projects.putMember(caller, name, userId, request == null ? null : request.role());
    }

    @DeleteMapping("/{name}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@AuthenticationPrincipal Caller caller, @PathVariable String name, @PathVariable String userId) {
        projects.removeMember(caller, name, userId);
    }
}
