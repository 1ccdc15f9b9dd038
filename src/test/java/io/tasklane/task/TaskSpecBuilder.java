package io.tasklane.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: a valid JOB spec on cluster "local" unless told otherwise. */
public final class TaskSpecBuilder {

    private String name = "train-resnet";
    private String project = "demo";
    private TaskKind kind = TaskKind.JOB;
    private String image = "python:3.12";
    private RayEntry ray;
    private List<String> command = List.of("python", "train.py");
    private List<String> args;
    private String cluster = "local";
    private Integer skuPerReplica = 1;
    private Integer replicas = 1;
    private List<PortMapping> ports = new ArrayList<>();
    private Map<String, String> env = new LinkedHashMap<>();
    private List<StorageMount> storages = new ArrayList<>();
    private String description;
    private List<String> tags = new ArrayList<>();
    private Integer priority = 0;
    private Long deadline = 3600L;
    private List<TaskRole> roles;
    private Framework framework;
    private SuccessPolicy successPolicy;

    public static TaskSpecBuilder aSpec() {
        return new TaskSpecBuilder();
    }

    /** A spec that gives nothing (every field null) until told otherwise: what {@link TaskSpec#withDefaults} fills. */
    public static TaskSpecBuilder anEmptySpec() {
        TaskSpecBuilder spec = new TaskSpecBuilder();
        spec.name = null;
        spec.project = null;
        spec.kind = null;
        spec.image = null;
        spec.command = null;
        spec.cluster = null;
        spec.skuPerReplica = null;
        spec.replicas = null;
        spec.ports = null;
        spec.env = null;
        spec.storages = null;
        spec.tags = null;
        spec.priority = null;
        spec.deadline = null;
        return spec;
    }

    public TaskSpecBuilder name(String value) { name = value; return this; }
    public TaskSpecBuilder project(String value) { project = value; return this; }
    public TaskSpecBuilder kind(TaskKind value) { kind = value; return this; }
    public TaskSpecBuilder image(String value) { image = value; return this; }
    public TaskSpecBuilder ray(String filePath, String deployment) { ray = new RayEntry(filePath, deployment); command = null; return this; }
    public TaskSpecBuilder command(List<String> value) { command = value; return this; }
    public TaskSpecBuilder args(List<String> value) { args = value; return this; }
    public TaskSpecBuilder cluster(String value) { cluster = value; return this; }
    public TaskSpecBuilder skuPerReplica(int value) { skuPerReplica = value; return this; }
    public TaskSpecBuilder replicas(int value) { replicas = value; return this; }
    public TaskSpecBuilder port(Integer container, Integer external) { mutablePorts().add(new PortMapping(container, external)); return this; }
    public TaskSpecBuilder ports(List<PortMapping> values) { ports = new ArrayList<>(values); return this; }
    public TaskSpecBuilder env(String key, String value) { mutableEnv().put(key, value); return this; }
    public TaskSpecBuilder env(Map<String, String> values) { env = new LinkedHashMap<>(values); return this; }
    public TaskSpecBuilder storage(String storageName, String mountPath) { mutableStorages().add(new StorageMount(storageName, mountPath, true)); return this; }
    public TaskSpecBuilder storages(List<StorageMount> values) { storages = new ArrayList<>(values); return this; }
    public TaskSpecBuilder description(String value) { description = value; return this; }
    public TaskSpecBuilder tags(String... values) { tags = new ArrayList<>(List.of(values)); return this; }
    public TaskSpecBuilder priority(int value) { priority = value; return this; }
    public TaskSpecBuilder deadline(long value) { deadline = value; return this; }
    /** Adds a role of {@code count} replicas of {@code sku} SKUs; the task's own replicas and skuPerReplica go. */
    public TaskSpecBuilder role(String roleName, int count, int sku) { return role(new TaskRole(roleName, count, sku, null, null, null)); }
    public TaskSpecBuilder role(TaskRole role) {
        roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
        roles.add(role);
        replicas = null;
        skuPerReplica = null;
        return this;
    }
    public TaskSpecBuilder roles(List<TaskRole> values) { roles = values; replicas = null; skuPerReplica = null; return this; }
    public TaskSpecBuilder framework(Framework value) { framework = value; return this; }
    public TaskSpecBuilder successPolicy(SuccessPolicy value) { successPolicy = value; return this; }

    public TaskSpec build() {
        return new TaskSpec(name, project, kind, image, ray, command, args, cluster, skuPerReplica, replicas, ports, env,
                storages, description, tags, priority, deadline, roles, framework, successPolicy);
    }

    // An empty spec has no lists yet: the first port, variable or mount makes one.
    private List<PortMapping> mutablePorts() { return ports != null ? ports : (ports = new ArrayList<>()); }
    private Map<String, String> mutableEnv() { return env != null ? env : (env = new LinkedHashMap<>()); }
    private List<StorageMount> mutableStorages() { return storages != null ? storages : (storages = new ArrayList<>()); }
}
