package io.tasklane.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: a valid JOB spec on cluster "local" unless told otherwise. */
final class TaskSpecBuilder {

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

    static TaskSpecBuilder aSpec() {
        return new TaskSpecBuilder();
    }

    TaskSpecBuilder name(String value) { name = value; return this; }
    TaskSpecBuilder project(String value) { project = value; return this; }
    TaskSpecBuilder kind(TaskKind value) { kind = value; return this; }
    TaskSpecBuilder image(String value) { image = value; return this; }
    TaskSpecBuilder ray(String filePath, String deployment) { ray = new RayEntry(filePath, deployment); command = null; return this; }
    TaskSpecBuilder command(List<String> value) { command = value; return this; }
    TaskSpecBuilder args(List<String> value) { args = value; return this; }
    TaskSpecBuilder skuPerReplica(int value) { skuPerReplica = value; return this; }
    TaskSpecBuilder replicas(int value) { replicas = value; return this; }
    TaskSpecBuilder port(Integer container, Integer external) { ports.add(new PortMapping(container, external)); return this; }
    TaskSpecBuilder env(String key, String value) { env.put(key, value); return this; }
    TaskSpecBuilder storage(String storageName, String mountPath) { storages.add(new StorageMount(storageName, mountPath, true)); return this; }
    TaskSpecBuilder description(String value) { description = value; return this; }
    TaskSpecBuilder tags(String... values) { tags = new ArrayList<>(List.of(values)); return this; }
    TaskSpecBuilder priority(int value) { priority = value; return this; }
    TaskSpecBuilder deadline(long value) { deadline = value; return this; }

    TaskSpec build() {
        return new TaskSpec(name, project, kind, image, ray, command, args, cluster, skuPerReplica, replicas, ports, env,
                storages, description, tags, priority, deadline);
    }
}
