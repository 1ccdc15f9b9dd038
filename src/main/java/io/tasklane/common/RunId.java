package io.tasklane.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** A run's id: "r" and 12 lower-case letters or digits. It is also the business key of its task-run process. */
public record RunId(@JsonValue String value) {

    public RunId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a run id is not blank");
        }
    }

    public static RunId generate() {
        return new RunId(ShortIds.next('r'));
    }

    @Override
    public String toString() {
        return value;
    }
}
