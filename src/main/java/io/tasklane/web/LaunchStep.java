package io.tasklane.web;

import java.util.Arrays;
import java.util.Set;

/**
 * The Launch wizard's steps in order, and which step shows a field the rules name, so that a broken rule is shown
 * at its field: {@code replicas} on Resource, {@code env.SHM_SIZE} on Settings, {@code schedule.windows[0].time}
 * on Schedule. A field no step shows (a task's state, its version) is shown on Summary, where the launch is.
 */
public enum LaunchStep {
    RESOURCE("resource", Set.of("cluster", "skuPerReplica", "replicas")),
    SETTINGS("settings", Set.of("name", "project", "kind", "image", "ray", "command", "args", "ports", "env", "storages",
            "tags", "priority", "activeDeadlineSeconds", "description")),
    SCHEDULE("schedule", Set.of()),
    SUMMARY("summary", Set.of());

    private final String key;
    private final Set<String> fields;

    LaunchStep(String key, Set<String> fields) {
        this.key = key;
        this.fields = fields;
    }

    public String key() {
        return key;
    }

    /** The step by its key; the first step for anything else. */
    static LaunchStep of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst().orElse(RESOURCE);
    }

    static boolean isStep(String key) {
        return Arrays.stream(values()).anyMatch(s -> s.key.equals(key));
    }

    /** The step that shows the field a rule names (a path such as {@code ports[1].containerPort}). */
    static LaunchStep showing(String field) {
        if (field == null) {
            return SUMMARY;
        }
        if (field.startsWith(LaunchErrors.SCHEDULE_PREFIX)) {
            return SCHEDULE;
        }
        String head = field.split("[.\\[]", 2)[0];
        return Arrays.stream(values()).filter(s -> s.fields.contains(head)).findFirst().orElse(SUMMARY);
    }

    /** The step after this one; Summary is the last. */
    public LaunchStep next() {
        return this == SUMMARY ? SUMMARY : values()[ordinal() + 1];
    }

    public LaunchStep previous() {
        return this == RESOURCE ? RESOURCE : values()[ordinal() - 1];
    }
}
