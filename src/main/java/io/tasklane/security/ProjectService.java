package io.tasklane.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tasklane.common.ConflictException;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.ForbiddenException;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.Names;
import io.tasklane.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects and their members: who may see and change which tasks. */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final UserDirectory users;
    private final Clock clock;

    ProjectService(ProjectRepository projects, UserDirectory users, Clock clock) {
        this.projects = projects;
        this.users = users;
        this.clock = clock;
    }

    /** Throws unless {@code caller} may create and change tasks in {@code project}; names {@code field}. */
    public void requireMember(Caller caller, String project, String field) {
        if (!projects.exists(project)) {
            throw new InvalidInputException(FieldViolation.of(field, "exists", "project '" + project + "' does not exist",
                    project));
        }
        if (!caller.isAdmin() && !projects.isMember(project, caller.userId())) {
            throw new ForbiddenException(field, "you are not a member of project '" + project + "'");
        }
    }

    /** True when {@code caller} may see tasks of {@code project}. */
    public boolean canSee(Caller caller, String project) {
        return caller.isAdmin() || projects.isMember(project, caller.userId());
    }

    /** The projects whose tasks {@code caller} may see; empty means every project (an admin). */
    public Optional<Set<String>> visibleProjects(Caller caller) {
        if (caller.isAdmin()) {
            return Optional.empty();
        }
        return Optional.of(projects.findByMember(caller.userId()).stream().map(Project::name).collect(Collectors.toSet()));
    }

    public List<Project> list(Caller caller) {
        return caller.isAdmin() ? projects.findAll() : projects.findByMember(caller.userId());
    }

    public Project get(Caller caller, String name) {
        if (!canSee(caller, name)) {
            throw new NotFoundException("project", name);
        }
        return projects.findByName(name).orElseThrow(() -> new NotFoundException("project", name));
    }

    public List<String> members(Caller caller, String project) {
        get(caller, project);
        return projects.members(project);
    }

    @Transactional
    public Project create(Caller caller, String name, String description) {
        requireAdmin(caller);
        FieldViolation violation = Names.dnsLabelViolation("name", name);
        if (violation != null) {
            throw new InvalidInputException(List.of(violation));
        }
        if (description != null && description.length() > 2000) {
            throw new InvalidInputException("description", "max-length", "description must be at most 2000 characters");
        }
        Project project = new Project(name, description, clock.instant());
        if (!projects.insertIfAbsent(project)) {
            throw new ConflictException("name", "unique", "project '" + name + "' already exists");
        }
        return project;
    }

    /** Creates the project unless it exists; for start-up bootstrap, not for callers. */
    @Transactional
    public void ensureProject(String name, String description) {
        projects.insertIfAbsent(new Project(name, description, clock.instant()));
    }

    /** The project's members with their roles, for those who may see the project. */
    public List<Membership> memberships(Caller caller, String project) {
        get(caller, project);
        return projects.memberships(project);
    }

    /** True when {@code caller} is an admin or a manager of {@code project}. */
    public boolean canManage(Caller caller, String project) {
        return caller.isAdmin() || projects.roleOf(project, caller.userId()).orElse(null) == ProjectRole.MANAGER;
    }

    /** The projects whose every member's usage {@code caller} may read, besides their own; empty for an admin (all). */
    public Optional<Set<String>> managedProjects(Caller caller) {
        return caller.isAdmin() ? Optional.empty() : Optional.of(Set.copyOf(projects.managedBy(caller.userId())));
    }

    /** Adds a plain member, or keeps an existing member's role. */
    @Transactional
    public void addMember(Caller caller, String project, String userId) {
        putMember(caller, project, userId, null);
    }

    /**
     * Makes {@code userId} a member of {@code project} with {@code role} (null: MEMBER for a new member, the
     * present role for an existing one). Admins and the project's managers manage members; only admins
     * appoint or remove managers.
     */
    @Transactional
    public void putMember(Caller caller, String project, String userId, ProjectRole role) {
        requireManager(caller, project);
        if (!users.userExists(userId)) {
            throw new InvalidInputException(FieldViolation.of("userId", "exists", "user '" + userId + "' does not exist in the identity service",
                    userId));
        }
        Optional<ProjectRole> present = projects.roleOf(project, userId);
        ProjectRole target = role != null ? role : present.orElse(ProjectRole.MEMBER);
        if (!caller.isAdmin() && (target == ProjectRole.MANAGER || present.orElse(null) == ProjectRole.MANAGER)
                && present.orElse(null) != target) {
            throw new ForbiddenException("role", "only members of " + Caller.ADMIN_GROUP + " may appoint or remove a project's managers");
        }
        projects.putMember(project, userId, target);
    }

    /** Adds a member without an authorization check; for start-up bootstrap. */
    @Transactional
    public void ensureMember(String project, String userId) {
        projects.addMember(project, userId);
    }

    @Transactional
    public void removeMember(Caller caller, String project, String userId) {
        requireManager(caller, project);
        if (!caller.isAdmin() && projects.roleOf(project, userId).orElse(null) == ProjectRole.MANAGER) {
            throw new ForbiddenException("userId", "only members of " + Caller.ADMIN_GROUP + " may appoint or remove a project's managers");
        }
        projects.removeMember(project, userId);
    }

    /**
     * Admins and the project's managers pass; a member of the project gets 403; anyone else 403 as well, before
     * the project's existence is looked at (as for every admin-only operation).
     */
    private void requireManager(Caller caller, String project) {
        if (!canManage(caller, project)) {
            throw new ForbiddenException(null, "only members of " + Caller.ADMIN_GROUP + " and the project's managers may manage its members");
        }
        requireExisting(project);
    }

    private void requireExisting(String project) {
        if (!projects.exists(project)) {
            throw new NotFoundException("project", project);
        }
    }

    static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException(null, "only members of group " + Caller.ADMIN_GROUP + " may do this");
        }
    }
}
