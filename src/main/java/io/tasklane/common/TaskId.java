package io.tasklane.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** A task's id: "t" and 12 lower-case letters or digits; short enough to type, random enough not to clash. */
public record TaskId(@JsonValue String value) {

    public TaskId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a task id is not blank");
        }
    }

    public static TaskId generate() {
        return new TaskId(ShortIds.next('t'));
    }

    @Override
    public String toString() {
        return value;
    }
}
