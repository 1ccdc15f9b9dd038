package io.tasklane.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A fluent builder of task request bodies: {@code aTask().named("x").replicas(2).json()}. */
public final class TaskJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private TaskJson() {
        fields.put("name", "task-" + Long.toString(System.nanoTime(), 36));
        fields.put("project", "demo");
        fields.put("kind", "JOB");
        fields.put("image", "python:3.12");
        fields.put("command", List.of("python", "-c", "print('hi')"));
        fields.put("cluster", "local");
    }

    public static TaskJson aTask() {
        return new TaskJson();
    }

    public TaskJson named(String name) {
        return with("name", name);
    }

    public TaskJson project(String project) {
        return with("project", project);
    }

    public TaskJson cluster(String cluster) {
        return with("cluster", cluster);
    }

    public TaskJson replicas(int replicas) {
        return with("replicas", replicas);
    }

    public TaskJson skuPerReplica(int skus) {
        return with("skuPerReplica", skus);
    }

    public TaskJson tags(String... tags) {
        return with("tags", List.of(tags));
    }

    public TaskJson ray(String filePath, String deploymentName) {
        fields.remove("command");
        return with("ray", Map.of("filePath", filePath, "deploymentName", deploymentName));
    }

    /** Sets any field to any JSON value (null removes it). */
    public TaskJson with(String field, Object value) {
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return this;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
