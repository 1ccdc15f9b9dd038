package io.tasklane.queue;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an admin reads to review a pin request: the task, who asked and why, and what it waits for. */
public record PinReview(String taskName, String taskId, String owner, String project, String gpus, String queuePosition,
                        String waitingSince, String requestedBy, String reason) {

    /** The fields by the keys the review form binds to. */
    public Map<String, Object> asMap() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("taskName", taskName);
        fields.put("taskId", taskId);
        fields.put("owner", owner);
        fields.put("project", project);
        fields.put("gpus", gpus);
        fields.put("queuePosition", queuePosition);
        fields.put("waitingSince", waitingSince);
        fields.put("requestedBy", requestedBy);
        fields.put("reason", reason == null ? "(no reason given)" : reason);
        return fields;
    }
}
