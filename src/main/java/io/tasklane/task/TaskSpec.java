package io.tasklane.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user configures on a task. Null means "not given": {@link #withDefaults()} fills what has a
 * default and {@link TaskRules} reports what is required. Doubles as the request body of create,
 * replace and copy.
 */
public record TaskSpec(String name, String project, TaskKind kind, String image, RayEntry ray,
                       List<String> command, List<String> args, String cluster, Integer skuPerReplica,
                       Integer replicas, List<PortMapping> ports, Map<String, String> env,
                       List<StorageMount> storages, String description, List<String> tags, Integer priority,
                       Long activeDeadlineSeconds, List<TaskRole> roles, Framework framework,
                       SuccessPolicy successPolicy) {

    public static final int DEFAULT_PRIORITY = 0;
    public static final long DEFAULT_ACTIVE_DEADLINE_SECONDS = 432_000;

    /** A spec that gives nothing: a copy with no changes. */
    public static TaskSpec empty() {
        return new TaskSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /**
     * The same spec with defaults where nothing was given. A task with roles sizes each role instead of
     * itself: its own replicas and skuPerReplica stay unset (given anyway, {@link TaskRules} refuses them).
     */
    public TaskSpec withDefaults() {
        boolean hasRoles = roles != null;
        return new TaskSpec(name, project, kind, image, ray, command, args, cluster,
                skuPerReplica == null && !hasRoles ? Integer.valueOf(1) : skuPerReplica,
                replicas == null && !hasRoles ? Integer.valueOf(1) : replicas,
                ports == null ? List.of() : ports,
                env == null ? Map.of() : new LinkedHashMap<>(env),
                storages == null ? List.of() : storages.stream().map(TaskSpec::withReadOnlyDefault).toList(),
                description,
                tags == null ? List.of() : tags,
                priority == null ? DEFAULT_PRIORITY : priority,
                activeDeadlineSeconds == null ? DEFAULT_ACTIVE_DEADLINE_SECONDS : activeDeadlineSeconds,
                hasRoles ? roles.stream().map(role -> role == null ? null : role.withDefaults()).toList() : null,
                framework == null && hasRoles ? Framework.CUSTOM : framework,
                successPolicy == null && hasRoles ? SuccessPolicy.ALL : successPolicy);
    }

    /** This spec with every field that {@code changes} gives replacing ours; for copies. */
    public TaskSpec overlay(TaskSpec changes) {
        return new TaskSpec(
                pick(changes.name, name), pick(changes.project, project), pick(changes.kind, kind),
                pick(changes.image, image),
                // An entry is one of two shapes: giving either one replaces the whole entry.
                changes.ray != null || changes.command != null ? changes.ray : ray,
                changes.ray != null || changes.command != null ? changes.command : command,
                changes.ray != null ? null : pick(changes.args, args),
                pick(changes.cluster, cluster),
                // Sizes are one of two shapes too: roles, or replicas of one size; giving one drops the other.
                changes.roles != null ? changes.skuPerReplica : pick(changes.skuPerReplica, skuPerReplica),
                changes.roles != null ? changes.replicas : pick(changes.replicas, replicas), pick(changes.ports, ports), pick(changes.env, env),
                pick(changes.storages, storages), pick(changes.description, description), pick(changes.tags, tags),
                pick(changes.priority, priority), pick(changes.activeDeadlineSeconds, activeDeadlineSeconds),
                changes.replicas != null || changes.skuPerReplica != null ? changes.roles : pick(changes.roles, roles),
                pick(changes.framework, framework), pick(changes.successPolicy, successPolicy));
    }

    /** This spec in the given project and of the given kind. */
    public TaskSpec of(String newProject, TaskKind newKind) {
        return new TaskSpec(name, newProject, newKind, image, ray, command, args, cluster, skuPerReplica, replicas, ports,
                env, storages, description, tags, priority, activeDeadlineSeconds, roles, framework, successPolicy);
    }

    /** This spec under another name. */
    public TaskSpec named(String newName) {
        return new TaskSpec(newName, project, kind, image, ray, command, args, cluster, skuPerReplica, replicas, ports,
                env, storages, description, tags, priority, activeDeadlineSeconds, roles, framework, successPolicy);
    }

    /** SKUs the whole task holds while it runs: every replica of every role at once (gang). */
    public int totalSkus() {
        return hasRoles() ? (int) roles.stream().mapToLong(TaskRole::totalSkus).sum() : skuPerReplica * replicas;
    }

    /** Whether the task is a distributed job of roles rather than one set of identical replicas. */
    public boolean hasRoles() {
        return roles != null;
    }

    /** Replicas of the whole task: of every role together. */
    public int replicaCount() {
        return hasRoles() ? roles.stream().mapToInt(TaskRole::replicas).sum() : replicas;
    }

    /** The SKUs of the task's largest replica: each replica must fit on one node. */
    public int largestSkuPerReplica() {
        return hasRoles() ? roles.stream().mapToInt(TaskRole::skuPerReplica).max().orElse(1) : skuPerReplica;
    }

    /**
     * What a replica of {@code role} runs: the task with the role's command (and args), or only its args,
     * replacing the task's, and the role's env added to the task's. The task itself for a task without roles.
     */
    public TaskSpec forRole(String role) {
        if (!hasRoles() || role == null) {
            return this;
        }
        TaskRole r = roles.stream().filter(x -> x.name().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("task has no role " + role));
        List<String> roleCommand = r.command() != null ? r.command() : command;
        List<String> roleArgs = r.command() != null || r.args() != null ? r.args() : args;
        Map<String, String> roleEnv = new LinkedHashMap<>(env);
        if (r.env() != null) {
            roleEnv.putAll(r.env());
        }
        return new TaskSpec(name, project, kind, image, ray, roleCommand, roleArgs, cluster, r.skuPerReplica(), r.replicas(),
                ports, roleEnv, storages, description, tags, priority, activeDeadlineSeconds, roles, framework, successPolicy);
    }

    private static StorageMount withReadOnlyDefault(StorageMount mount) {
        return mount == null || mount.readOnly() != null ? mount
                : new StorageMount(mount.name(), mount.mountPath(), false);
    }

    private static <T> T pick(T given, T current) {
        return given != null ? given : current;
    }
}
