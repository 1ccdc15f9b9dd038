package io.tasklane.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.security.Caller;
import io.tasklane.security.Membership;
import io.tasklane.security.Project;
import io.tasklane.security.ProjectRole;
import io.tasklane.security.ProjectService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Projects page: the projects the caller belongs to (admins: all) with their members and roles. Admins create
 * projects; admins and a project's managers add and remove members, through the service the project API calls, so
 * the same rules refuse the same changes (only admins appoint or remove managers).
 */
@Controller
class ProjectsController {

    static final String CHANGED_EVENT = "projects-changed";

    private final ProjectService projects;

    ProjectsController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/projects")
    String projects(@AuthenticationPrincipal Caller caller, @RequestHeader(value = "HX-Request", required = false) String htmx,
                    Model model) {
        model.addAttribute("projects", projects.list(caller).stream().sorted(Comparator.comparing(Project::name))
                .map(project -> view(caller, project)).toList());
        return htmx != null ? "projects :: list" : "projects";
    }

    @PostMapping("/projects")
    String create(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String description, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        Project created = projects.create(caller, name == null ? null : name.trim(),
                description == null || description.isBlank() ? null : description.trim());
        return Htmx.done("/projects", CHANGED_EVENT, "notice.projectCreated", created.name(), request, response, model);
    }

    @PostMapping("/projects/{project}/members")
    String putMember(@AuthenticationPrincipal Caller caller, @PathVariable String project,
                     @RequestParam(required = false) String userId, @RequestParam(required = false) String role,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("userId", "required", "name the user to add to project '" + project + "'");
        }
        projects.putMember(caller, project, userId.trim(), roleOf(role));
        return Htmx.done("/projects", CHANGED_EVENT, "notice.memberPut", userId.trim() + " → " + project, request, response, model);
    }

    @PostMapping("/projects/{project}/members/{userId}/remove")
    String removeMember(@AuthenticationPrincipal Caller caller, @PathVariable String project, @PathVariable String userId,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        projects.removeMember(caller, project, userId);
        return Htmx.done("/projects", CHANGED_EVENT, "notice.memberRemoved", userId + " → " + project, request, response, model);
    }

    private ProjectView view(Caller caller, Project project) {
        List<Membership> members = projects.memberships(caller, project.name()).stream()
                .sorted(Comparator.comparing((Membership m) -> m.role() != ProjectRole.MANAGER).thenComparing(Membership::userId))
                .toList();
        return new ProjectView(project.name(), project.description(), members, projects.canManage(caller, project.name()));
    }

    private static ProjectRole roleOf(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return ProjectRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(FieldViolation.of("role", "one-of", "a member's role is MEMBER or MANAGER",
                    "MEMBER, MANAGER"));
        }
    }

    /** A project as the page shows it: managers first; {@code manageable} when the caller may change its members. */
    public record ProjectView(String name, String description, List<Membership> members, boolean manageable) {
    }
}
