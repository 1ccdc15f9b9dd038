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
                       Long activeDeadlineSeconds) {

    public static final int DEFAULT_PRIORITY = 0;
    public static final long DEFAULT_ACTIVE_DEADLINE_SECONDS = 432_000;

    /** A spec that gives nothing: a copy with no changes. */
    public static TaskSpec empty() {
        return new TaskSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The same spec with defaults where nothing was given. */
    public TaskSpec withDefaults() {
        return new TaskSpec(name, project, kind, image, ray, command, args, cluster,
                skuPerReplica == null ? 1 : skuPerReplica,
                replicas == null ? 1 : replicas,
                ports == null ? List.of() : ports,
                env == null ? Map.of() : new LinkedHashMap<>(env),
                storages == null ? List.of() : storages.stream().map(TaskSpec::withReadOnlyDefault).toList(),
                description,
                tags == null ? List.of() : tags,
                priority == null ? DEFAULT_PRIORITY : priority,
                activeDeadlineSeconds == null ? DEFAULT_ACTIVE_DEADLINE_SECONDS : activeDeadlineSeconds);
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
                pick(changes.cluster, cluster), pick(changes.skuPerReplica, skuPerReplica),
                pick(changes.replicas, replicas), pick(changes.ports, ports), pick(changes.env, env),
                pick(changes.storages, storages), pick(changes.description, description), pick(changes.tags, tags),
                pick(changes.priority, priority), pick(changes.activeDeadlineSeconds, activeDeadlineSeconds));
    }

    /** This spec in the given project and of the given kind. */
    public TaskSpec of(String newProject, TaskKind newKind) {
        return new TaskSpec(name, newProject, newKind, image, ray, command, args, cluster, skuPerReplica, replicas, ports,
                env, storages, description, tags, priority, activeDeadlineSeconds);
    }

    /** This spec under another name. */
    public TaskSpec named(String newName) {
        return new TaskSpec(newName, project, kind, image, ray, command, args, cluster, skuPerReplica, replicas, ports,
                env, storages, description, tags, priority, activeDeadlineSeconds);
    }

    /** SKUs the whole task holds while it runs: every replica at once (gang). */
    public int totalSkus() {
        return skuPerReplica * replicas;
    }

    private static StorageMount withReadOnlyDefault(StorageMount mount) {
        return mount == null || mount.readOnly() != null ? mount
                : new StorageMount(mount.name(), mount.mountPath(), false);
    }

    private static <T> T pick(T given, T current) {
        return given != null ? given : current;
    }
}
