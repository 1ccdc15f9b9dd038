package io.tasklane.queue;

import java.util.Map;

import io.tasklane.common.RecordFields;

/** What an admin reads to review a pin request: the task, who asked and why, and what it waits for. */
public record PinReview(String taskName, String taskId, String owner, String project, String gpus, String queuePosition,
                        String waitingSince, String requestedBy, String reason) {

    public PinReview {
        reason = reason == null ? "(no reason given)" : reason;
    }

    /** The fields by the keys the review form binds to (the component names). */
    public Map<String, Object> asMap() {
        return RecordFields.of(this);
    }
}
